import { describe, expect, it } from 'vitest';
import type { MappingTemplate, MappingTemplateDraft } from '@shared/domain';
import { BUILT_IN_FORMATS } from '@shared/parsers/registry';
import { listFormats, templateProblems } from '@shared/parsers/template';

const RULES: MappingTemplateDraft['rules'] = {
  dateForm: 'auto',
  amountConvention: 'signed',
  inWords: [],
  outWords: [],
  currency: 'CNY',
  grade: 'official',
  accountKind: 'bank',
};

function draft(kind: MappingTemplateDraft['kind'], columnMap: MappingTemplateDraft['columnMap'], headerSignature = Object.values(columnMap)): MappingTemplateDraft {
  return { kind, headerSignature: headerSignature.filter((h): h is string => h !== undefined), columnMap, rules: RULES };
}

describe('templateProblems', () => {
  it.each([
    { name: 'a usable transaction table', d: draft('transactions', { account: '账号', time: '时间', amount: '金额' }), problems: [] },
    { name: 'an account table keyed by its number', d: draft('accounts', { account: '卡号', accountName: '户名' }), problems: [] },
    { name: 'a person table with names', d: draft('persons', { name: '姓名', phone: '手机' }), problems: [] },
    { name: 'a chat table with time and text', d: draft('messages', { time: '时间', text: '内容' }), problems: [] },
    { name: 'an account table without the number', d: draft('accounts', { accountName: '户名' }), problems: [expect.stringMatching(/account column/)] },
    { name: 'a person table without names', d: draft('persons', { idNumber: '证件号码' }), problems: [expect.stringMatching(/name column/)] },
    {
      name: 'a chat table without time or text',
      d: draft('messages', { senderName: '发送人' }),
      problems: [expect.stringMatching(/time nor a date/), expect.stringMatching(/message text column/)],
    },
    {
      name: 'a field of another kind',
      d: draft('persons', { name: '姓名', amount: '金额' }),
      problems: [expect.stringMatching(/do not belong to a persons table are mapped: amount/)],
    },
    {
      name: 'a column missing from the header',
      d: draft('accounts', { account: '卡号', bank: '开户行' }, ['卡号']),
      problems: [expect.stringMatching(/missing from the header: 开户行/)],
    },
  ])('$name', ({ d, problems }) => {
    expect(templateProblems(d)).toEqual(problems);
  });
});

describe('listFormats', () => {
  const saved = (name: string, version: number, kind: MappingTemplate['kind']): MappingTemplate => ({
    id: `template:${name}@${version}`,
    name,
    kind,
    version,
    createdAt: '2026-01-01T00:00:00.000Z',
    headerSignature: ['a'],
    columnMap: {},
    rules: { ...RULES, grade: 'self-provided' },
  });

  it('lists the built-in formats, then each saved version, newest version of a name first', () => {
    const formats = listFormats([saved('英文流水', 1, 'transactions'), saved('群聊', 1, 'messages'), saved('英文流水', 2, 'transactions')]);
    expect(formats.slice(0, BUILT_IN_FORMATS.length).map((f) => [f.id, f.builtIn])).toEqual(BUILT_IN_FORMATS.map((f) => [f.id, true]));
    expect(formats.slice(BUILT_IN_FORMATS.length)).toEqual([
      { id: 'template:英文流水@2', version: 2, name: { zh: '列映射模板“英文流水” v2', en: 'Mapping template "英文流水" v2' }, kind: 'transactions', grade: 'self-provided', builtIn: false },
      { id: 'template:英文流水@1', version: 1, name: { zh: '列映射模板“英文流水” v1', en: 'Mapping template "英文流水" v1' }, kind: 'transactions', grade: 'self-provided', builtIn: false },
      { id: 'template:群聊@1', version: 1, name: { zh: '列映射模板“群聊” v1', en: 'Mapping template "群聊" v1' }, kind: 'messages', grade: 'self-provided', builtIn: false },
    ]);
  });
});
