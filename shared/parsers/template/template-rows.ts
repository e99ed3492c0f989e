import type { MappingTemplate, TemplateField } from '../../domain';
import { cellText, mapTabular, normaliseHeader } from '../tabular';
import type { Aliases, HeaderedRow } from '../tabular';
import type { MapperOutput, RowError, SourceRecord } from '../types';

export type TemplateRow = HeaderedRow<TemplateField>;

/** Each mapped field is read from exactly the header the investigator chose; all of them must be present. */
function aliasesOf(template: MappingTemplate): { aliases: Aliases<TemplateField>; required: TemplateField[] } {
  const aliases: Partial<Record<TemplateField, readonly string[]>> = {};
  const required: TemplateField[] = [];
  for (const [field, header] of Object.entries(template.columnMap) as [TemplateField, string | undefined][]) {
    if (header === undefined) continue;
    aliases[field] = [header];
    required.push(field);
  }
  return { aliases: aliases as Aliases<TemplateField>, required };
}

/** The rows of a file read through a template's header, each mapped by `mapRow`; a missing header is warned about. */
export function templateRows(template: MappingTemplate, records: AsyncIterable<SourceRecord>, mapRow: (row: TemplateRow) => Iterable<MapperOutput>): AsyncIterable<MapperOutput> {
  const { aliases, required } = aliasesOf(template);
  const message = `前 30 行中未找到模板“${template.name}”映射的全部列，未导入任何行`;
  return mapTabular(records, aliases, required, mapRow, message, 'TEMPLATE_HEADER_NOT_FOUND');
}

export function rowError(record: SourceRecord, code: RowError['code'], message: string): RowError {
  return { type: 'error', sheet: record.sheet, line: record.line, code, message };
}

/**
 * What an account or person keeps beside its named facts: the mapped fields that have an investigator name
 * (开户时间, 账户状态 … the names 查控 returns use, so both read alike) and every unmapped non-empty column under
 * its header as printed. Fields without a label went into the draft itself and are not repeated.
 */
export function attributesOf(row: TemplateRow, template: MappingTemplate, labels: Readonly<Partial<Record<TemplateField, string>>>): Record<string, string> {
  const attributes: Record<string, string> = {};
  const mapped = new Set(Object.values(template.columnMap).map((header) => normaliseHeader(header ?? '')));
  for (const [field, label] of Object.entries(labels) as [TemplateField, string][]) {
    const value = row.get(field);
    if (value !== '') attributes[label] = value;
  }
  for (const [name, cell] of Object.entries(row.raw())) {
    const value = cellText(cell);
    if (value === '' || mapped.has(normaliseHeader(name))) continue;
    attributes[name in attributes ? `${name}（原列）` : name] = value;
  }
  return attributes;
}
