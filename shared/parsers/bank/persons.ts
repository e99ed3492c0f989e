import { rowsAfterHeader } from '../tabular';
import type { MapperOutput, ParseContext, PersonDraft, SourceRecord } from '../types';
import { idNumber, textOrUndefined } from './account-number';
import { PERSON_ALIASES, PERSON_IDENTIFIERS } from './info-aliases';
import type { PersonField } from './info-aliases';
import { attributesOf, identifiersOf } from './row-facts';
import { WarningTally } from './tally';

const PERSON_FIELDS: readonly PersonField[] = ['name', 'idType', 'idNumber'];

/**
 * 人员信息 rows → PersonDrafts (客户名称/客户姓名, 证照类型, 证照号码; 工作单位, 单位地址, 法人代表 … as attributes)
 * and an IdentifierDraft per phone or e-mail (account null: the table names people, not accounts). A row without
 * a name is rejected: the table exists to name the holder.
 */
export async function* mapPersons(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const tally = new WarningTally();
  let headerMissing = false;
  for await (const row of rowsAfterHeader<PersonField>(records, PERSON_ALIASES, ['name'], () => (headerMissing = true))) {
    const { record } = row;
    const name = row.firstOf('name', textOrUndefined);
    if (name === undefined) {
      yield { type: 'error', sheet: record.sheet, line: record.line, code: 'MISSING_FIELD', message: '客户名称为空' };
      continue;
    }
    const draft: PersonDraft = {
      type: 'person',
      sheet: record.sheet,
      line: record.line,
      raw: row.raw(),
      name,
      idType: row.firstOf('idType', textOrUndefined),
      idNumber: row.firstOf('idNumber', idNumber),
      attributes: attributesOf(row, PERSON_ALIASES, PERSON_FIELDS),
    };
    yield draft;
    yield* identifiersOf(row, PERSON_IDENTIFIERS, null, context.timeZone, tally);
  }
  if (headerMissing) yield { type: 'warning', code: 'HEADER_NOT_FOUND', message: '前 30 行中未找到人员信息表头（需要“客户名称”列），文件未导入任何行' };
  yield* tally.warnings();
}
