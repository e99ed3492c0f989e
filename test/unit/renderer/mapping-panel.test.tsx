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
      'templates.suggest': ({ headers }) => {
        expect(headers).toEqual(['Account No', 'Value Date', 'Withdrawals', 'Deposits', 'Payee']);
        return { columnMap: { account: 'Account No', time: 'Value Date', debit: 'Withdrawals', credit: 'Deposits' } };
      },
      'import.preview': () => ({
        rows: [
          { sheet: '', line: 3, account: '6222020200001234', time: '2024-03-15 10:30:00', amountMinor: 1_234_567, currency: 'CNY', direction: 'in', balanceMinor: null, counterparty: '<b>ACME</b>', summary: '' },
        ],
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
      headerSignature: ['Account No', 'Value Date', 'Withdrawals', 'Deposits', 'Payee'],
      columnMap: { account: 'Account No', time: 'Value Date', debit: 'Withdrawals', credit: 'Deposits', counterpartyName: 'Payee' },
      rules: { amountConvention: 'split', dateForm: 'auto', inWords: [], outWords: [], currency: 'CNY', grade: 'official', accountKind: 'bank' },
    });
    expect(saved[0]?.id).toBe('template:某行英文流水@1');
    // the preview followed the change of mapping
    const previews = backend.calls.filter((c) => c.method === 'import.preview');
    expect(previews.at(-1)?.input).toMatchObject({ path: '/data/export.csv', template: { columnMap: { counterpartyName: 'Payee' } } });
  });
});
