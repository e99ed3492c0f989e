import type { Command } from '../command';

/** Built-in import formats and saved column-mapping templates; both lists fill as importers are added. */
export const formatsCommand: Command = {
  path: ['formats'],
  summary: 'list the import formats this build recognises and the saved mapping templates',
  usage: 'chainsight formats [--json]',
  options: {},
  positionals: { min: 0, max: 0 },
  run(input) {
    const formats: { id: string; name: string }[] = [];
    const templates: { id: string; name: string; version: number }[] = [];
    input.log(formats.length === 0 ? 'No import formats are built in yet.' : formats.map((f) => `${f.id}  ${f.name}`).join('\n'));
    return Promise.resolve({ formats, templates });
  },
};
