// @vitest-environment happy-dom
import '../support/font-face-set';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClient } from '@shared/api';
import type { TxnRow } from '@shared/domain';
import { App } from '../../../../renderer/src/app/App';
import { setupRendererTests } from '../support/dom';
import { baseHandlers, caseInfo, fakeBackend, operatorLi, type Handlers } from '../support/fake-backend';
import { txnDetail, txnHandlers, txnRow, type TxnFixture } from '../support/fake-txns';

setupRendererTests();

function renderTransactions(fixture: TxnFixture, handlers: Handlers = {}, hash = '#/transactions') {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  window.location.hash = hash;
  const backend = fakeBackend({ ...baseHandlers(caseInfo()), ...txnHandlers(fixture), ...handlers });
  const view = render(<App client={createClient(backend.transport)} />);
  return { backend, ...view };
}

function callsTo(backend: { calls: { method: string; input: unknown }[] }, method: string): Record<string, unknown>[] {
  return backend.calls.filter((c) => c.method === method).map((c) => c.input as Record<string, unknown>);
}

/** The grid's own queries (not the one-row probe that asks whether the case has transactions at all). */
function gridQueries(backend: { calls: { method: string; input: unknown }[] }): Record<string, unknown>[] {
  return callsTo(backend, 'txns.query').filter((input) => input.limit !== 1);
}

const HOSTILE = '<img src=x onerror=alert(1)>';

function rows(): TxnRow[] {
  return [
    txnRow({ id: 1 }),
    txnRow({ id: 2, amountMinor: 5_000_000_00, direction: 'in', directionRaw: '贷', cpName: HOSTILE, flags: { duplicate: true, mirror: true, failed: false, balanceBreak: false, reversal: false, linkedChat: true } }),
  ];
}

async function grid() {
  return screen.findByRole('region', { name: '交易明细' });
}

describe('transactions page (交易)', () => {
  it('names the next step when the case has no transactions', async () => {
    renderTransactions({ rows: [] });
    expect(await screen.findByText('本案尚无交易明细')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '去导入交易数据' }));
    await waitFor(() => expect(window.location.hash).toBe('#/import'));
  });

  it('shows the bank columns: money with ¥ and separators, times in the case zone, marks, hostile text as text', async () => {
    const { backend } = renderTransactions({ rows: rows(), total: 2 });
    const region = await grid();
    // the region is there before ag-grid has drawn its header
    await within(region).findAllByText('交易时间');
    for (const header of ['交易时间', '本方账卡号', '户名', '收付', '金额', '余额', '对手账卡号', '对手户名', '对手开户行', '摘要', '渠道', '标记', '交易流水号', 'IP 地址', 'MAC 地址'])
      expect(within(region).getAllByText(header).length).toBeGreaterThan(0);
    expect(await within(region).findByText('-¥ 1,234.56')).toBeTruthy();
    expect(within(region).getByText('¥ 5,000,000.00')).toBeTruthy();
    expect(within(region).getAllByText('2024-03-01 14:05:09').length).toBe(2);
    expect(within(region).getByText('重复 · 两端 · 聊天')).toBeTruthy();
    expect(within(region).getByText(HOSTILE)).toBeTruthy();
    expect(region.querySelector('img')).toBeNull();
    expect(await screen.findByText('符合条件 2 条')).toBeTruthy();
    expect(gridQueries(backend)[0]).toEqual({ filter: {}, sort: [{ column: 'time', dir: 'asc' }], offset: 0, limit: 100 });
  });

  it('sends the filters typed in yuan and local dates as minor units and UTC instants', async () => {
    const { backend } = renderTransactions({ rows: rows() });
    await grid();
    fireEvent.change(screen.getByLabelText('对手方'), { target: { value: '李四' } });
    fireEvent.change(screen.getByLabelText('金额下限（元）'), { target: { value: '1,000.50' } });
    fireEvent.change(screen.getByLabelText('金额上限（元）'), { target: { value: '50000' } });
    fireEvent.change(screen.getByLabelText('起始日期'), { target: { value: '2024-03-01' } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2024-03-31' } });
    fireEvent.change(screen.getByLabelText('快速筛选'), { target: { value: '工资' } });
    fireEvent.click(screen.getByRole('button', { name: '应用' }));
    await waitFor(() =>
      expect(gridQueries(backend).at(-1)?.filter).toEqual({
        counterparty: '李四',
        amountMinMinor: 100_050,
        amountMaxMinor: 5_000_000,
        // midnight in Shanghai (UTC+8), the end date included
        fromUtc: Date.UTC(2024, 1, 29, 16),
        toUtc: Date.UTC(2024, 2, 31, 16),
        quick: '工资',
      }),
    );
    // a choice applies at once
    fireEvent.change(screen.getByLabelText('收付'), { target: { value: 'out' } });
    await waitFor(() => expect(gridQueries(backend).at(-1)?.filter).toMatchObject({ direction: 'out', counterparty: '李四' }));
  });

  it('refuses an amount it cannot read and says which', async () => {
    const { backend } = renderTransactions({ rows: rows() });
    await grid();
    await waitFor(() => expect(gridQueries(backend).length).toBeGreaterThan(0));
    const before = gridQueries(backend).length;
    fireEvent.change(screen.getByLabelText('金额下限（元）'), { target: { value: '五千' } });
    fireEvent.click(screen.getByRole('button', { name: '应用' }));
    expect((await screen.findByRole('alert')).textContent).toContain('金额“五千”无法识别');
    expect(gridQueries(backend).length).toBe(before);
  });

  it('cycles a mark between any, only these and excluded', async () => {
    const { backend } = renderTransactions({ rows: rows() });
    await grid();
    const chip = screen.getByRole('button', { name: /^重复记录/ });
    fireEvent.click(chip);
    await waitFor(() => expect(gridQueries(backend).at(-1)?.filter).toEqual({ flags: { duplicate: true } }));
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(chip.textContent).toContain('仅此类');
    fireEvent.click(chip);
    await waitFor(() => expect(gridQueries(backend).at(-1)?.filter).toEqual({ flags: { duplicate: false } }));
    expect(chip.textContent).toContain('排除');
    fireEvent.click(chip);
    await waitFor(() => expect(gridQueries(backend).at(-1)?.filter).toEqual({}));
  });

  it('opens a row in the detail panel with where it came from and what it is linked to; Esc closes it', async () => {
    const [first, second] = rows();
    const detail = (id: number) =>
      id === 1 && first && second ? txnDetail(first, { related: { ...txnDetail(first).related, mirror: second, messages: [{ id: 9, conversationId: 1, conversationTitle: '退保群', senderName: '王五', utcMs: null, timeText: '昨天', text: '已转' }] } }) : null;
    renderTransactions({ rows: rows(), detail });
    const region = await grid();
    fireEvent.click(await within(region).findByText('-¥ 1,234.56'));
    const panel = await screen.findByRole('complementary', { name: '交易详情' });
    const provenance = await within(panel).findByRole('region', { name: '来源' });
    expect(within(provenance).getByText('银行查控/5104614320210702112732/中国工商银行交易明细信息.csv')).toBeTruthy();
    expect(within(provenance).getByText('42')).toBeTruthy();
    expect(within(provenance).getByText('✓ 与原始行重新计算一致')).toBeTruthy();
    const raw = within(provenance).getByRole('table', { name: '原始行（按原表头）' });
    expect(within(raw).getByText('交易金额')).toBeTruthy();
    expect(within(raw).getByText('1234.56')).toBeTruthy();
    const related = within(panel).getByRole('region', { name: '关联' });
    expect(within(related).getByText('同一笔转账的另一端')).toBeTruthy();
    expect(within(related).getByText('已转')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('complementary', { name: '交易详情' })).toBeNull());
  });

  it('exports the current view and shows the written file and its row count', async () => {
    const { backend } = renderTransactions({ rows: rows(), total: 2 });
    await grid();
    fireEvent.click(screen.getByRole('button', { name: '交易失败' }));
    await waitFor(() => expect(gridQueries(backend).at(-1)?.filter).toEqual({ flags: { failed: true } }));
    // with a filter set, the header gives the case's total beside the view's
    expect((await screen.findByText(/符合条件 2 条/)).textContent).toBe('符合条件 2 条 · 全案 2 条');
    fireEvent.click(screen.getByRole('button', { name: '导出 XLSX' }));
    expect(await screen.findByText('/cases/2024-001.chainsight/exports/交易明细_20240301-140509.xlsx')).toBeTruthy();
    expect(screen.getByText(/已导出 2 条/)).toBeTruthy();
    expect(callsTo(backend, 'txns.export')).toEqual([{ filter: { flags: { failed: true } }, sort: [{ column: 'time', dir: 'asc' }], format: 'xlsx' }]);
  });

  it('saves the current view and opens a saved one', async () => {
    const saved = {
      id: 7,
      page: 'transactions',
      name: '大额转出',
      state: { filter: { direction: 'out', amountMinMinor: 5_000_000 }, sort: [{ column: 'amount', dir: 'desc' }] },
      savedAt: '2024-03-01T00:00:00.000Z',
      savedBy: '李警官',
    };
    const { backend } = renderTransactions({ rows: rows(), views: [saved] });
    await grid();
    fireEvent.change(await screen.findByLabelText('视图'), { target: { value: '7' } });
    await waitFor(() => expect(gridQueries(backend).at(-1)).toMatchObject({ filter: { direction: 'out', amountMinMinor: 5_000_000 }, sort: [{ column: 'amount', dir: 'desc' }] }));
    // the boxes show what the view filters on
    expect(screen.getByLabelText<HTMLInputElement>('金额下限（元）').value).toBe('50000.00');
    fireEvent.click(screen.getByRole('button', { name: '保存当前视图' }));
    fireEvent.change(screen.getByLabelText('视图名称'), { target: { value: '我的视图' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(callsTo(backend, 'views.save')).toEqual([
        { page: 'transactions', name: '我的视图', state: { filter: { direction: 'out', amountMinMinor: 5_000_000 }, sort: [{ column: 'amount', dir: 'desc' }] } },
      ]),
    );
    expect(await screen.findByText('已保存视图“我的视图”')).toBeTruthy();
  });

  it('states granularity, direction, N and what was excluded in the counterparty ranking, and opens an account in the grid', async () => {
    const { backend } = renderTransactions({ rows: rows() }, {}, '#/transactions/summaries');
    const accounts = await screen.findByRole('region', { name: '账户汇总' });
    expect(await within(accounts).findByText('¥ 100,000.00')).toBeTruthy();
    expect(within(accounts).getByText('¥ 75,000.00')).toBeTruthy();
    expect(within(accounts).getByText('2 处断点')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '按对手户名 · 收入（对方转入） · 前 20 名 · 全部本方账户' })).toBeTruthy();
    const note = await screen.findByText(/未计入/);
    expect(note.textContent).toContain('交易失败 4 笔');
    expect(note.textContent).toContain('重复记录 7 笔');
    expect(note.textContent).toContain('本人互转 3 笔');
    expect(note.textContent).toContain('无对手户名 11 笔');
    expect(note.textContent).toContain('列出 1 名，共有 2 个对手方');

    fireEvent.change(screen.getByLabelText('统计口径'), { target: { value: 'account' } });
    fireEvent.change(screen.getByLabelText('方向'), { target: { value: 'net' } });
    fireEvent.change(screen.getByLabelText('前 N 名'), { target: { value: '5' } });
    await waitFor(() => expect(callsTo(backend, 'txns.counterpartyRanking').at(-1)).toEqual({ granularity: 'account', direction: 'net', topN: 5, excludeSelf: true }));
    expect(await screen.findByRole('heading', { name: '按对手账卡号 · 净额（收 − 付） · 前 5 名 · 全部本方账户' })).toBeTruthy();

    fireEvent.doubleClick(within(accounts).getByText('6222021234567890123'));
    await waitFor(() => expect(window.location.hash).toBe('#/transactions'));
    await waitFor(() => expect(gridQueries(backend).at(-1)?.filter).toEqual({ account: '6222021234567890123' }));
  });
});
