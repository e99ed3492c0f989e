// @vitest-environment happy-dom
import '../support/font-face-set';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '@shared/api';
import { App } from '../../../../renderer/src/app/App';
import { setLanguage } from '../../../../renderer/src/i18n';
import type * as ChartModule from '../../../../renderer/src/components/Chart';
import type { ChartProps } from '../../../../renderer/src/components/Chart';
import { settle, setupRendererTests } from '../support/dom';
import { baseHandlers, caseInfo, fakeBackend, operatorLi } from '../support/fake-backend';
import { flowHandlers, type FlowState } from '../support/fake-flow';

/**
 * happy-dom has no canvas to click on: the chart is replaced by a list of what it would draw (the graph series'
 * nodes and links, by data index), each a button that hands the same item to the page as a click on the canvas.
 */
vi.mock('../../../../renderer/src/components/Chart', async (importOriginal) => {
  const original = await importOriginal<typeof ChartModule>();
  function DrawnChart({ option, ariaLabel, onItemClick }: ChartProps) {
    const series = (Array.isArray(option.series) ? option.series[0] : option.series) as
      | { data?: { name: string; itemStyle?: { borderColor?: string } }[]; links?: { source: string; target: string; lineStyle?: { color?: string } }[] }
      | undefined;
    return (
      <div role="figure" aria-label={ariaLabel}>
        {(series?.data ?? []).map((node, dataIndex) => (
          <button key={`n${dataIndex}`} type="button" data-traced={node.itemStyle?.borderColor ? 'yes' : 'no'} onClick={() => onItemClick?.({ seriesIndex: 0, dataIndex, dataType: 'node', name: node.name, value: 0 })}>
            {`节点 ${node.name}`}
          </button>
        ))}
        {(series?.links ?? []).map((link, dataIndex) => (
          <button key={`e${dataIndex}`} type="button" data-traced={link.lineStyle?.color === '#c2410c' ? 'yes' : 'no'} onClick={() => onItemClick?.({ seriesIndex: 0, dataIndex, dataType: 'edge', name: '', value: 0 })}>
            {`连线 ${link.source}→${link.target}`}
          </button>
        ))}
      </div>
    );
  }
  return { ...original, Chart: DrawnChart };
});

setupRendererTests();

function renderFlow(hash = '#/flow') {
  const state: FlowState = { graphCalls: [], traces: [], saves: [], exports: [] };
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  window.location.hash = hash;
  const backend = fakeBackend({ ...baseHandlers(caseInfo()), ...flowHandlers(state) });
  render(<App client={createClient(backend.transport)} />);
  return { state, backend };
}

describe('资金流向 page', () => {
  it('draws the graph and says what it counted and what it left out', async () => {
    const { state } = renderFlow();
    const chart = await screen.findByRole('figure', { name: '资金流向图' });
    expect(within(chart).getByRole('button', { name: '节点 陈璐倩 ·7937' })).toBeTruthy();
    // seized names stay text
    expect(within(chart).getByRole('button', { name: '节点 <img src=x onerror=alert(1)>韩莉 ·2344' })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    const facts = screen.getByText(/显示 4 \/ 7 个节点/);
    expect(facts.textContent).toContain('计入 1,234 笔交易（CNY），同一笔转账两端只计一次');
    expect(facts.textContent).toContain('银行失败 2 笔，重复记录 17 笔，同一笔转账另一端 8 笔，冲正/退回 1 笔');
    expect(state.graphCalls[0]).toMatchObject({ minAmountMinor: 0, collapsePlatforms: false, groupBy: 'account', maxNodes: 100 });
  });

  it('passes the filters to the backend: amount in 分, the period in the display zone, folding and grouping', async () => {
    const { state } = renderFlow();
    await screen.findByRole('figure', { name: '资金流向图' });
    fireEvent.change(screen.getByLabelText('单笔≥（元）', { selector: '.flow-filters input' }), { target: { value: '50,000' } });
    fireEvent.change(screen.getByLabelText('起始日'), { target: { value: '2025-03-01' } });
    fireEvent.click(screen.getByRole('checkbox', { name: '合并支付平台中转' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '同一证件号的账户合并为一人' }));
    await waitFor(() =>
      expect(state.graphCalls.at(-1)).toMatchObject({
        minAmountMinor: 5_000_000,
        // 2025-03-01 00:00 in Asia/Shanghai
        fromUtc: Date.UTC(2025, 1, 28, 16, 0),
        collapsePlatforms: true,
        groupBy: 'holder',
      }),
    );
  });

  it('opens the rows behind an edge with the file and line of each', async () => {
    const { backend } = renderFlow();
    const chart = await screen.findByRole('figure', { name: '资金流向图' });
    fireEvent.click(within(chart).getByRole('button', { name: '连线 a:1→a:2' }));
    const panel = await screen.findByRole('region', { name: /资金往来：陈璐倩 ·7937 → 韦娜佳 ·6996/ });
    expect(within(panel).getByText('¥ 3,492.00')).toBeTruthy();
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'flow.rows' && JSON.stringify(c.input).includes('"edge":{"from":"a:1","to":"a:2"}'))).toBe(true));
    const rows = within(panel).getByRole('region', { name: '背后的交易明细' });
    await waitFor(() => expect(within(rows).getByText('银行查控/3601/中国银行股份有限公司交易明细信息.csv:17')).toBeTruthy());
  });

  it('traces from a clicked node: the parameters as typed, the path lit, the hop table and what stays; saves it as a finding', async () => {
    const { state } = renderFlow();
    const chart = await screen.findByRole('figure', { name: '资金流向图' });
    fireEvent.click(within(chart).getByRole('button', { name: '节点 陈璐倩 ·7937' }));
    const panel = await screen.findByRole('region', { name: /节点：陈璐倩/ });
    expect(within(panel).getByText('中国银行')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: '以此为起点穿透' }));
    const trace = screen.getByRole('region', { name: '资金穿透' });
    expect(within(trace).getByText('陈璐倩 ·7937')).toBeTruthy();
    fireEvent.change(within(trace).getByLabelText('层数'), { target: { value: '2' } });
    fireEvent.change(within(trace).getByLabelText('时间窗（小时）'), { target: { value: '24' } });
    fireEvent.change(within(trace).getByLabelText('单笔≥（元）'), { target: { value: '100' } });
    fireEvent.change(within(trace).getByLabelText('金额容差（%）'), { target: { value: '10' } });
    fireEvent.change(within(trace).getByLabelText('归属方法'), { target: { value: 'proportional' } });
    await settle();
    fireEvent.click(within(trace).getByRole('button', { name: '开始穿透' }));
    await waitFor(() => expect(state.traces).toHaveLength(1));
    expect(state.traces[0]).toMatchObject({ seeds: ['a:1'], direction: 'forward', hops: 2, windowHours: 24, minAmountMinor: 10_000, tolerance: 0.1, attribution: 'proportional' });
    expect(await within(trace).findByText('起点资金 ¥ 3,492.00，2 层资金往来，涉及 3 个账户')).toBeTruthy();
    const hops = within(trace).getByRole('region', { name: '穿透逐层明细' });
    await waitFor(() => expect(within(hops).getAllByText('¥ 3,437.87').length).toBeGreaterThan(0));
    const retained = within(trace).getByRole('region', { name: '沉淀金额' });
    await waitFor(() => expect(within(retained).getByText('¥ 54.13')).toBeTruthy());
    // the traced path is drawn in the trace colour
    await waitFor(() => expect(within(chart).getByRole('button', { name: '连线 a:1→a:2' }).dataset.traced).toBe('yes'));
    expect(within(chart).getByRole('button', { name: '连线 a:3→p:tenpay' }).dataset.traced).toBe('no');

    fireEvent.click(within(trace).getByRole('button', { name: '保存为发现' }));
    expect(await within(trace).findByText('已保存为发现 #42：资金穿透（去向）陈璐倩 2 跳')).toBeTruthy();
    expect(state.saves[0]).toMatchObject({ seeds: ['a:1'], hops: 2 });
  });

  it('in English, a saved trace is announced under its English title (names as the case has them)', async () => {
    await setLanguage('en');
    const { state } = renderFlow();
    const chart = await screen.findByRole('figure', { name: 'Fund-flow chart' });
    fireEvent.click(within(chart).getByRole('button', { name: '节点 陈璐倩 ·7937' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Trace from here' }));
    const trace = screen.getByRole('region', { name: 'Fund tracing' });
    await settle();
    fireEvent.click(within(trace).getByRole('button', { name: 'Trace' }));
    await waitFor(() => expect(state.traces).toHaveLength(1));
    await settle();
    fireEvent.click(await within(trace).findByRole('button', { name: 'Save as finding' }));
    expect(await within(trace).findByText('Saved as finding #42: Fund tracing (onward): 陈璐倩, 2 hops')).toBeTruthy();
  });

  it('says which trace field is wrong instead of calling the backend', async () => {
    const { state } = renderFlow();
    const chart = await screen.findByRole('figure', { name: '资金流向图' });
    fireEvent.click(within(chart).getByRole('button', { name: '节点 陈璐倩 ·7937' }));
    fireEvent.click(await screen.findByRole('button', { name: '以此为起点穿透' }));
    const trace = screen.getByRole('region', { name: '资金穿透' });
    fireEvent.change(within(trace).getByLabelText('层数'), { target: { value: '40' } });
    fireEvent.click(within(trace).getByRole('button', { name: '开始穿透' }));
    expect((await within(trace).findByRole('alert')).textContent).toContain('请检查“层数”');
    expect(state.traces).toHaveLength(0);
  });

  it('lists the follow-up requests by institution and exports them', async () => {
    const { state } = renderFlow('#/flow/followups');
    const grid = await screen.findByRole('region', { name: '补调清单' });
    await waitFor(() => expect(within(grid).getByText('6225884197480406')).toBeTruthy());
    expect(within(grid).getByText('=HYPERLINK("x")')).toBeTruthy();
    expect(within(grid).getByText('对手开户行')).toBeTruthy();
    expect(screen.getByText('1 个账户，合计 ¥ 12,500.00')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出 XLSX' }));
    expect(await screen.findByText('已导出到 /cases/2024-001.chainsight/exports/补调清单_20250101120000.xlsx')).toBeTruthy();
    expect(state.exports).toEqual([{ minTotalMinor: 0, currency: 'CNY' }]);
  });
});
