// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '@shared/api';
import type { InspectedFile, MappingTemplate } from '@shared/domain';
import { ClientProvider } from '../../../renderer/src/app/client-context';
import { MappingPanel } from '../../../renderer/src/features/import/MappingPanel';
import { fakeBackend } from './support/fake-backend';
import { setupRendererTests } from './support/dom';

setupRendererTests();

const FILE: InspectedFile = {
  path: '/data/export.csv',
  file: 'export.csv',
  size: 300,
  status: 'unrecognised',
  problem: 'format not recognised',
  encoding: 'utf-8',
  candidates: [],
  preview: [
    ['Statement 2024-03'],
    ['Account No', 'Value Date', 'Withdrawals', 'Deposits', 'Payee'],
    ['6222020200001234', '2024-03-15 10:30:00', '', '12,345.67', '<b>ACME</b>'],
  ],
};

describe('MappingPanel', () => {
  it('preselects the suggestion, previews the mapped rows as text and saves the chosen map', async () => {
    const saved: MappingTemplate[] = [];
    const backend = fakeBackend({
      'templates.suggest': ({ headers, kind }) => {
        expect(headers).toEqual(['Account No', 'Value Date', 'Withdrawals', 'Deposits', 'Payee']);
        expect(kind).toBe('transactions');
        return { columnMap: { account: 'Account No', time: 'Value Date', debit: 'Withdrawals', credit: 'Deposits' } };
      },
      'import.preview': () => ({
        rows: [
          { sheet: '', line: 3, account: '6222020200001234', time: '2024-03-15 10:30:00', amountMinor: 1_234_567, currency: 'CNY', direction: 'in', balanceMinor: null, counterparty: '<b>ACME</b>', summary: '' },
        ],
        records: [],
        errors: [{ sheet: '', line: 4, code: 'BAD_AMOUNT', message: 'Withdrawals“oops”不是数字' }],
        warnings: [],
      }),
      'templates.save': (input) => {
        const template: MappingTemplate = { ...input, id: `template:${input.name}@1`, version: 1, createdAt: '2026-01-01T00:00:00Z' } as MappingTemplate;
        saved.push(template);
        return template;
      },
    });
    const onSaved = vi.fn();
    render(
      <ClientProvider client={createClient(backend.transport)}>
        <MappingPanel file={FILE} onSaved={onSaved} onClose={() => undefined} />
      </ClientProvider>,
    );

    const account = await screen.findByLabelText<HTMLSelectElement>('交易卡号/账号');
    expect(account.value).toBe('Account No');
    expect(screen.getByLabelText<HTMLSelectElement>('支出/借方金额').value).toBe('Withdrawals');
    expect(screen.getByLabelText<HTMLSelectElement>('金额与方向').value).toBe('split');

    const table = await screen.findByRole('table', { name: '映射结果预览（前 20 行）' });
    expect(within(table).getByText('¥ 12,345.67')).toBeTruthy();
    expect(within(table).getByText('进')).toBeTruthy();
    // seized text is shown as text, never as markup
    expect(within(table).getByText('<b>ACME</b>')).toBeTruthy();
    expect(table.querySelector('b')).toBeNull();
    expect(screen.getByText('第 4 行：Withdrawals“oops”不是数字')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('对手户名'), { target: { value: 'Payee' } });
    fireEvent.change(screen.getByLabelText('检材来源'), { target: { value: 'official' } });
    const save = screen.getByRole<HTMLButtonElement>('button', { name: '保存模板' });
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('模板名称'), { target: { value: '某行英文流水' } });
    fireEvent.click(save);

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const call = backend.calls.find((c) => c.method === 'templates.save');
    expect(call?.input).toEqual({
      name: '某行英文流水',
      kind: 'transactions',
      headerSignature: ['Account No', 'Value Date', 'Withdrawals', 'Deposits', 'Payee'],
      columnMap: { account: 'Account No', time: 'Value Date', debit: 'Withdrawals', credit: 'Deposits', counterpartyName: 'Payee' },
      rules: { amountConvention: 'split', dateForm: 'auto', inWords: [], outWords: [], currency: 'CNY', grade: 'official', accountKind: 'bank' },
    });
    expect(saved[0]?.id).toBe('template:某行英文流水@1');
    // the preview followed the change of mapping
    const previews = backend.calls.filter((c) => c.method === 'import.preview');
    expect(previews.at(-1)?.input).toMatchObject({ path: '/data/export.csv', template: { columnMap: { counterpartyName: 'Payee' } } });
  });

  it('maps a chat table once its kind is chosen: that kind’s fields, its suggestion, a preview by field, saved with the kind', async () => {
    const chat: InspectedFile = {
      ...FILE,
      file: 'chat.csv',
      path: '/data/chat.csv',
      preview: [
        ['会话', '发送人', '时间', '内容'],
        ['跑分群', '老王', '15/03/2024 10:30', '<i>到账</i>'],
      ],
    };
    const backend = fakeBackend({
      'templates.suggest': ({ kind }) =>
        kind === 'messages' ? { columnMap: { conversation: '会话', senderName: '发送人', time: '时间', text: '内容' } } : { columnMap: {} },
      'import.preview': ({ template }) => ({
        rows: [],
        records:
          template.kind === 'messages'
            ? [{ sheet: '', line: 2, fields: { conversation: '跑分群', senderName: '老王', time: '2024-03-15 10:30:00', text: '<i>到账</i>', messageType: 'text' } }]
            : [],
        errors: [],
        warnings: [],
      }),
      'templates.save': (input) => ({ ...input, kind: input.kind ?? 'transactions', id: `template:${input.name}@1`, version: 1, createdAt: '2026-01-01T00:00:00Z' }) as MappingTemplate,
    });
    render(
      <ClientProvider client={createClient(backend.transport)}>
        <MappingPanel file={chat} onSaved={() => undefined} onClose={() => undefined} />
      </ClientProvider>,
    );
    expect(await screen.findByLabelText('交易卡号/账号')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('表格内容'), { target: { value: 'messages' } });

    expect((await screen.findByLabelText<HTMLSelectElement>('消息内容')).value).toBe('内容');
    expect(screen.getByLabelText<HTMLSelectElement>('发送时间（日期时间）').value).toBe('时间');
    expect(screen.getByLabelText<HTMLSelectElement>('会话（聊天对象或群）').value).toBe('会话');
    // transaction fields and amount rules are not offered for a chat table
    expect(screen.queryByLabelText('交易卡号/账号')).toBeNull();
    expect(screen.queryByLabelText('金额与方向')).toBeNull();
    fireEvent.change(screen.getByLabelText('时间格式'), { target: { value: 'day-first' } });

    const table = await screen.findByRole('table', { name: '映射结果预览（前 20 行）' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['行号', '会话（聊天对象或群）', '发送人（昵称）', '发送时间（日期时间）', '消息内容', '消息类型']);
    expect(within(table).getByText('<i>到账</i>')).toBeTruthy();
    expect(table.querySelector('i')).toBeNull();

    fireEvent.change(screen.getByLabelText('模板名称'), { target: { value: '群聊导出' } });
    fireEvent.click(screen.getByRole('button', { name: '保存模板' }));
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'templates.save')).toBe(true));
    expect(backend.calls.filter((c) => c.method === 'templates.suggest').map((c) => (c.input as { kind: string }).kind)).toEqual(['transactions', 'messages']);
    expect(backend.calls.find((c) => c.method === 'templates.save')?.input).toMatchObject({
      name: '群聊导出',
      kind: 'messages',
      columnMap: { conversation: '会话', senderName: '发送人', time: '时间', text: '内容' },
      rules: { dateForm: 'day-first' },
    });
  });
});
