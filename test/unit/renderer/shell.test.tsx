// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClient } from '@shared/api';
import { App } from '../../../renderer/src/app/App';
import { baseHandlers, caseInfo, emptyStats, fakeBackend, operatorLi } from './support/fake-backend';
import { searchResult } from './support/fake-review';
import { settle, setupRendererTests } from './support/dom';

setupRendererTests();

const HOSTILE = '<img src=x onerror=alert(1)><script>window.pwned=1</script>';

function renderShell(handlers = baseHandlers(caseInfo())) {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  const backend = fakeBackend(handlers);
  render(<App client={createClient(backend.transport)} />);
  return backend;
}

describe('workstation shell', () => {
  it('switches the whole UI language from the top bar, and remembers the choice', async () => {
    renderShell();
    const nav = await screen.findByRole('navigation', { name: '功能导航' });
    expect(within(nav).getByText('资金流向')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    const english = await screen.findByRole('navigation', { name: 'Navigation' });
    expect(within(english).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Overview', 'Import', 'Transactions', 'Chats', 'Timeline', 'Fund flow', 'People', 'Findings', 'Tags & bundles', 'Audit',
    ]);
    expect(window.localStorage.getItem('chainsight.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('renders a hostile case name as literal text, creating no element from it', async () => {
    renderShell(baseHandlers(caseInfo({ caseName: HOSTILE, cause: HOSTILE })));
    await screen.findByRole('navigation', { name: '功能导航' });
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThanOrEqual(2);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('shows the empty-case state that says what to do next, and goes to Import', async () => {
    renderShell();
    expect(await screen.findByText('案件中还没有数据')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '去导入' }));
    expect(await screen.findByRole('heading', { name: '导入', level: 1 })).toBeTruthy();
    expect(screen.getByText(/原始文件原样留存/)).toBeTruthy();
  });

  it('shows key figures with thousands separators and money with its currency', async () => {
    renderShell({
      ...baseHandlers(caseInfo()),
      'cases.stats': () => ({
        ...emptyStats(),
        sources: 3,
        transactions: 1234567,
        failed: 12,
        sumInMinor: { CNY: 123456 },
        sumOutMinor: { CNY: 100000075 },
        audit: { ok: false, entries: 40, brokenAtSeq: 17 },
      }),
    });
    const figures = await screen.findByRole('region', { name: '数据统计' });
    expect(within(figures).getByText('1,234,567')).toBeTruthy();
    expect(within(figures).getByText('¥ 1,234.56')).toBeTruthy();
    expect(within(figures).getByText('¥ 1,000,000.75')).toBeTruthy();
    expect(within(figures).getByText('-¥ 998,766.19')).toBeTruthy();
    expect(within(figures).getByText(/审计链在第 17 条断裂/)).toBeTruthy();
  });

  it('edits case details through cases.updateMeta, sending only what changed', async () => {
    const backend = renderShell({ ...baseHandlers(caseInfo()), 'cases.updateMeta': () => caseInfo({ cause: '集资诈骗' }) });
    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    fireEvent.change(screen.getByLabelText('案由'), { target: { value: '集资诈骗' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(backend.calls.find((c) => c.method === 'cases.updateMeta')?.input).toEqual({ cause: '集资诈骗' });
  });

  it('searches the case from the top bar: Ctrl+K focuses the box, Enter asks search.global and says when nothing was found', async () => {
    const backend = renderShell({ ...baseHandlers(caseInfo()), 'search.global': ({ value, limit = 20 }) => ({ ...searchResult(), query: value, limit, readAs: [{ kind: 'mobile', value, amountMinor: null, currency: null }] }) });
    const box = await screen.findByRole('searchbox', { name: '全局搜索' });
    await settle();
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: '13800138000' } });
    fireEvent.submit(box);
    expect(await screen.findByText('本案件中没有找到“13800138000”。')).toBeTruthy();
    expect(backend.calls.filter((c) => c.method === 'search.global').map((c) => c.input)).toEqual([{ value: '13800138000', limit: 20 }]);
  });

  it('shows background jobs with rows, rate, time left, and cancels through jobs.cancel', async () => {
    const backend = renderShell({ ...baseHandlers(caseInfo()), 'jobs.cancel': () => ({ cancelled: true }) });
    await screen.findByRole('navigation', { name: '功能导航' });
    await settle();
    act(() =>
      backend.emit('job.progressed', {
        jobId: 'j1', kind: 'import', label: '导入 工行流水.xlsx', done: 12000, total: 48000, unit: 'rows', ratePerSecond: 8000, etaSeconds: 65,
      }),
    );
    const job = await screen.findByRole('group', { name: '导入 工行流水.xlsx' });
    expect(within(job).getByText('12,000 / 48,000 行')).toBeTruthy();
    expect(within(job).getByText('8,000 行/秒')).toBeTruthy();
    expect(within(job).getByText('剩余 1 分 05 秒')).toBeTruthy();
    fireEvent.click(within(job).getByRole('button', { name: '取消' }));
    await screen.findByText('12,000 / 48,000 行');
    expect(backend.calls.find((c) => c.method === 'jobs.cancel')?.input).toEqual({ jobId: 'j1' });
    await settle();
    act(() => backend.emit('job.finished', { jobId: 'j1', ok: false, message: '已取消' }));
    expect(await screen.findByText('任务失败：已取消')).toBeTruthy();
  });

  it('names the other holder when the case is open read-only', async () => {
    renderShell(
      baseHandlers(
        caseInfo({}, {
          readOnly: true,
          lock: { host: 'cli', pid: 4242, hostname: 'ws-07', operator: '王警官', since: '2024-03-01T01:00:00.000Z' },
        }),
      ),
    );
    expect(await screen.findByText(/写入锁由 王警官 持有（命令行，ws-07，进程 4242，自 2024-03-01 09:00:00）/)).toBeTruthy();
  });
});
