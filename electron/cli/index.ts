import { assertSupportedNode } from '../core/runtime';
import { runCli } from './run-cli';

assertSupportedNode();

const controller = new AbortController();
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}, controller.signal).then((outcome) => {
  if (!outcome.keepAlive) process.exitCode = outcome.exitCode;
});
