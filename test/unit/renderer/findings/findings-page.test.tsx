// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClient } from '@shared/api';
import { App } from '../../../../renderer/src/app/App';
import { setLanguage } from '../../../../renderer/src/i18n';
import { settle, setupRendererTests } from '../support/dom';
import { baseHandlers, caseInfo, fakeBackend, operatorLi } from '../support/fake-backend';
import { emitProgress, findingsHandlers, findingsState, t1Finding, type FindingsState } from '../support/fake-findings';

setupRendererTests();

function renderFindings(hash: string, state: FindingsState, options: { readOnly?: boolean } = {}) {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  window.location.hash = hash;
  const backend = fakeBackend({ ...baseHandlers(caseInfo({}, { readOnly: options.readOnly ?? false })), ...findingsHandlers(state) });
  render(<App client={createClient(backend.transport)} />);
  return backend;
}

describe('发现 page', () => {
  it('lists the rules by category with version and count; a rule’s hits, worded as suspicions; a hit’s parameters and evidence rows as text', async () => {
    renderFindings('#/findings', findingsState([t1Finding()]));
    const rules = await screen.findByRole('navigation', { name: '检测规则' });
    expect(within(rules).getByRole('heading', { name: '案件模型' })).toBeTruthy();
    expect(within(rules).getByText('insurance-surrender · v1')).toBeTruthy();
    fireEvent.click(within(rules).getByRole('button', { name: /代理退保/ }));
    const hits = await screen.findByRole('list', { name: '「代理退保」的命中' });
    const entry = within(hits).getByRole('button', { name: /疑似代理退保：3 名投保人/ });
    expect(entry.textContent).toContain('评分 0.94');
    fireEvent.click(entry);
    const detail = await screen.findByRole('region', { name: '发现详情' });
    expect(within(detail).getByText('疑似代理退保')).toBeTruthy();
    // the detail's figures labelled and formatted: money in yuan, shares in per cent
    expect(within(detail).getByText('付费合计').nextElementSibling?.textContent).toBe('¥ 65,700.00');
    expect(within(detail).getByText('付费占比（中位数）').nextElementSibling?.textContent).toBe('8.3%');
    expect(within(detail).queryByText('feesMinor')).toBeNull();
    const params = within(detail).getByLabelText('运行参数');
    expect(params.textContent).toContain('收到退保金后多长时间内付费（小时）');
    expect(params.textContent).toContain('240 小时');
    const grid = within(detail).getByRole('region', { name: '证据交易' });
    await waitFor(() => expect(within(grid).getByText('<img src=x onerror=alert(1)>泰和鑫人寿')).toBeTruthy());
    expect(within(grid).getByText('¥ 180,643.59')).toBeTruthy();
    expect(within(grid).getByText('付费')).toBeTruthy();
    expect(grid.querySelector('img')).toBeNull();
    expect(window.location.hash).toBe('#/findings/insurance-surrender');
  });

  it('runs the chosen rules with edited parameters, shows the job’s progress, can cancel, and refreshes the list when it ends', async () => {
    const state = findingsState();
    const backend = renderFindings('#/findings/fast-in-fast-out', state);
    const window60 = await screen.findByLabelText('转入后多长时间内转出');
    expect(await screen.findByText('尚无发现。选择规则、按需调整参数后点击「运行」。')).toBeTruthy();
    fireEvent.change(window60, { target: { value: '60' } });
    fireEvent.click(screen.getByRole('checkbox', { name: '不计本人账户之间的划转' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '本次运行「代理退保」' }));
    const run = screen.getByRole('button', { name: '运行所选 1 条规则' });
    await settle();
    fireEvent.click(run);
    await waitFor(() => expect(state.runs).toHaveLength(1));
    expect(state.runs[0]).toEqual({ rules: ['fast-in-fast-out'], params: { 'fast-in-fast-out': { windowMinutes: 60, excludeSameHolder: false } } });
    await settle();
    act(() => emitProgress(backend, 'job-1', 2_500, 10_000, 'rows'));
    expect(await screen.findByText('读取交易 2,500 / 10,000 行')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消检测' }));
    await waitFor(() => expect(state.cancelled).toEqual(['job-1']));
    state.findings.push({ ...t1Finding(), id: 8, rule: 'fast-in-fast-out', title: '疑似快进快出：王五 1 次资金转入后 60 分钟内转出（转入 ¥6万，转出 ¥5.8万）' });
    state.reports.set('job-1', { rules: [{ rule: 'fast-in-fast-out', version: 1, params: { windowMinutes: 60 }, hits: 1, replaced: 0, milliseconds: 12 }], rows: { used: 10_000, failed: 0, duplicates: 0, reversals: 0 }, calendarUncoveredYears: [] });
    act(() => backend.emit('job.finished', { jobId: 'job-1', ok: true, message: null }));
    expect(await screen.findByText(/检测完成：1 条规则，1 条疑似发现/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: /疑似快进快出：王五/ })).toBeTruthy();
  });

  it('refuses a parameter that is no number before running, and keeps the run button off in a read-only case', async () => {
    const state = findingsState();
    renderFindings('#/findings/fast-in-fast-out', state);
    fireEvent.change(await screen.findByLabelText('转入后多长时间内转出'), { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('button', { name: '运行全部规则' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '参数无效：快进快出 · 转入后多长时间内转出');
    expect(state.runs).toEqual([]);
  });

  it('read-only: findings can be read, the run is off', async () => {
    renderFindings('#/findings', findingsState([t1Finding()]), { readOnly: true });
    expect(await screen.findByText('案件以只读方式打开：可以查看已有发现，不能运行检测。')).toBeTruthy();
    const run = await screen.findByRole<HTMLButtonElement>('button', { name: '运行全部规则' });
    expect(run.disabled).toBe(true);
  });

  it('in English, rule names, the suspicion heading and parameter labels follow the language', async () => {
    await setLanguage('en');
    // one finding recorded with an English title, one recorded before English titles were stored (Chinese only)
    const older = { ...t1Finding(), id: 9, titleEn: null, title: '疑似代理退保：2 名投保人收到退保金后 5 天内向 罗志明 6217…0042 转入退保金的 20%（合计 ¥4万）', score: 0.5 };
    renderFindings('#/findings/insurance-surrender', findingsState([t1Finding(), older]));
    const hits = await screen.findByRole('list', { name: 'Hits of “Insurance-surrender agents”' });
    const [current, legacy] = within(hits).getAllByRole('button');
    expect(current?.textContent).toContain('Suspected surrender agent: 3 policyholders paid 姚俊 6225…4989 8% of their surrender refund within 3 days of receiving it (¥65,700.00 in all)');
    expect(current?.textContent).not.toContain('疑似');
    // the older one: the rule's name leads, its recorded title follows as data
    expect(legacy?.textContent).toContain('Suspected: Insurance-surrender agents');
    expect(legacy?.textContent).toContain('疑似代理退保：2 名投保人');
    expect(screen.getByLabelText('Fee paid within (hours after the refund)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run every rule' })).toBeTruthy();
    fireEvent.click(current ?? document.body);
    const detail = await screen.findByRole('region', { name: 'Finding' });
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe(t1Finding().titleEn);
    // and back in Chinese, the recorded Chinese title
    await act(() => setLanguage('zh-CN'));
    expect(within(await screen.findByRole('region', { name: '发现详情' })).getByRole('heading', { level: 2 }).textContent).toBe(t1Finding().title);
  });
});
