/**
 * Runs the generator in a child process (bundled by build-generator.ts) so a test can read its peak RSS.
 * argv: <dir> <seed> <txns>; prints one JSON line with the result and maxRssKb.
 */
import { generateDemo } from '../../../electron/core/demo/generate';

const [dir = '', seed = '1', txns = '5000'] = process.argv.slice(2);
const started = process.hrtime.bigint();
const result = await generateDemo({ dir, seed: Number(seed), txns: Number(txns) });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ ...result, seconds, maxRssKb: process.resourceUsage().maxRSS })}\n`);
