import type { MappingTemplate } from '../../domain';
import { normaliseHeader } from '../tabular';
import type { DetectInput, Detection, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../types';
import { SOURCE_KIND_OF } from './fields';
import { mapTemplateMessages } from './map-messages';
import { mapTemplateAccounts, mapTemplatePersons } from './map-records';
import { mapTemplateTransactions } from './map-transactions';

/** The format id of a template version, as `import --format` takes it. */
export function templateFormatId(name: string, version: number): string {
  return `template:${name}@${version}`;
}

const MAPPERS: Readonly<Record<MappingTemplate['kind'], (template: MappingTemplate, records: AsyncIterable<SourceRecord>, context: ParseContext) => AsyncIterable<MapperOutput>>> = {
  transactions: mapTemplateTransactions,
  accounts: mapTemplateAccounts,
  persons: mapTemplatePersons,
  messages: mapTemplateMessages,
};

/**
 * A saved column mapping as an import format: it recognises files whose header holds every cell of the template's
 * header signature, and maps their rows by the template's kind — transactions (amounts in 分, never floats; times
 * to UTC with the original text kept), accounts, persons or chat messages — with the same readers as the built-in
 * formats. Rows it cannot read become row errors naming the line.
 */
export function templateFormat(template: MappingTemplate): FormatSpec {
  const label = `列映射模板“${template.name}” v${template.version}`;
  return {
    id: templateFormatId(template.name, template.version),
    version: template.version,
    name: { zh: label, en: `Mapping template "${template.name}" v${template.version}` },
    kind: SOURCE_KIND_OF[template.kind],
    grade: template.rules.grade,
    input: { kind: 'table' },
    detect: (input) => detectTemplate(template, input, label),
    mapRows: (records, context) => MAPPERS[template.kind](template, records, context),
  };
}

function detectTemplate(template: MappingTemplate, input: DetectInput, label: string): Detection | null {
  const signature = new Set(template.headerSignature);
  let best: Detection | null = null;
  for (const record of input.head) {
    const cells = new Set(record.cells.map(normaliseHeader).filter((cell) => cell !== ''));
    if (![...signature].every((cell) => cells.has(cell))) continue;
    // the very header the template was made from scores highest; a wider header that contains it, a little less
    const confidence = 0.95 + (0.045 * signature.size) / Math.max(signature.size, cells.size);
    if (best === null || confidence > best.confidence) {
      best = { confidence, reason: `${label}：表头 ${signature.size}/${signature.size} 列与模板一致（第 ${record.line} 行）` };
    }
  }
  return best;
}
