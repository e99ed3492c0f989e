// @vitest-environment happy-dom
import './support/font-face-set';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClient } from '@shared/api';
import type { SourceInfo } from '@shared/domain';
import { App } from '../../../renderer/src/app/App';
import { baseHandlers, caseInfo, fakeBackend, operatorLi, type Handlers } from './support/fake-backend';
import { setupRendererTests } from './support/dom';

setupRendererTests();

const SHA = '3f2a9c' + '0'.repeat(52) + 'abcdef';
const SM3 = '66c7f0f4' + '1'.repeat(48) + '2b3c4d5e';

function source(overrides: Partial<SourceInfo> = {}): SourceInfo {
  return {
    id: 1,
    jobId: 1,
    file: '广发银行交易明细信息.csv',
    relPath: '5104614320210702112732/广发银行交易明细信息.csv',
    size: 1_234_567,
    sha256: SHA,
    sm3: SM3,
    storedPath: `originals/${SHA}.csv`,
    format: 'ccxk.transactions',
    kind: 'transactions',
    grade: 'official',
    confidence: 0.97,
    detectReason: '表头匹配 12/12 个查控交易明细字段',
    encoding: 'GB18030',
    timeZone: 'Asia/Shanghai',
    rowsRead: 12_345,
    imported: 12_340,
    rejected: 5,
    warnings: [],
    importedAt: '2024-03-01T06:05:09.000Z',
    acquisition: { method: '查控平台', unit: '广发银行', requestNo: '5104614320210702112732', acquiredBy: '李警官', acquiredAt: '' },
    ...overrides,
  };
}

function renderSources(handlers: Handlers) {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  window.location.hash = '#/import/sources';
  const backend = fakeBackend({ ...baseHandlers(caseInfo()), ...handlers });
  render(<App client={createClient(backend.transport)} />);
  return backend;
}

describe('sources (检材) view', () => {
  it('says what to do when the case has no sources yet', async () => {
    renderSources({ 'sources.list': () => ({ sources: [] }) });
    expect(await screen.findByText('尚未导入检材')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '去导入文件' }));
    expect(await screen.findByText('还没有选择文件')).toBeTruthy();
    expect(window.location.hash).toBe('#/import');
  });

  it('lists sources with their hashes, grade and counts; a party-provided source carries the lower-integrity marker', async () => {
    const hostile = '<img src=x onerror=alert(1)>.csv';
    renderSources({
      'sources.list': () => ({
        sources: [
          source(),
          source({ id: 2, file: hostile, relPath: hostile, grade: 'self-provided', sha256: 'f'.repeat(64), sm3: 'e'.repeat(64), imported: 321, rejected: 0 }),
        ],
      }),
    });
    const grid = await screen.findByRole('region', { name: '检材列表' });
    await waitFor(() => expect(within(grid).getByText('3f2a9c0000000000…')).toBeTruthy());
    expect(within(grid).getByText('66c7f0f411111111…')).toBeTruthy();
    expect(within(grid).getByText('查控/平台调证')).toBeTruthy();
    expect(within(grid).getByText('⚠ 当事人提供')).toBeTruthy();
    expect(within(grid).getByText('12,340')).toBeTruthy();
    expect(within(grid).getAllByText('查控交易明细信息')).toHaveLength(2);
    expect(within(grid).getAllByText('2024-03-01 14:05:09')).toHaveLength(2);
    expect(within(grid).getByText(hostile)).toBeTruthy();
    expect(grid.querySelector('img')).toBeNull();
    expect(screen.getByText('其中 1 个为当事人提供（完整性较低）')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /检材（原始文件）/ }).textContent).toContain('2');
  });

  it('opens a source on double-click with its full hashes, and saves only the acquisition fields that changed', async () => {
    const sources = [source()];
    const backend = renderSources({
      // a fresh answer each time, as over the wire
      'sources.list': () => ({ sources: sources.map((s) => ({ ...s })) }),
      'sources.updateAcquisition': ({ sourceId, acquisition }) => {
        const found = sources.find((s) => s.id === sourceId) ?? source();
        const updated = { ...found, acquisition: { ...found.acquisition, ...acquisition } };
        sources.splice(0, 1, updated);
        return updated;
      },
    });
    const grid = await screen.findByRole('region', { name: '检材列表' });
    const cell = await within(grid).findByText('5104614320210702112732/广发银行交易明细信息.csv');
    fireEvent.doubleClick(cell);
    const panel = await screen.findByRole('complementary', { name: '检材详情：广发银行交易明细信息.csv' });
    expect(within(panel).getByDisplayValue(SHA)).toBeTruthy();
    expect(within(panel).getByDisplayValue(SM3)).toBeTruthy();
    expect(within(panel).getByText('查控/平台调证')).toBeTruthy();

    fireEvent.change(within(panel).getByLabelText('获取方式'), { target: { value: '调取' } });
    fireEvent.change(within(panel).getByLabelText('获取时间'), { target: { value: '2021-07-02 11:27' } });
    fireEvent.click(within(panel).getByRole('button', { name: '保存' }));
    expect(await within(panel).findByText('已保存')).toBeTruthy();
    expect(backend.calls.find((c) => c.method === 'sources.updateAcquisition')?.input).toEqual({
      sourceId: 1,
      acquisition: { method: '调取', acquiredAt: '2021-07-02 11:27' },
    });
    await waitFor(() => expect(within(grid).getByText('调取')).toBeTruthy());

    // a method not in the list is typed as free text
    fireEvent.change(within(panel).getByLabelText('获取方式'), { target: { value: '__other__' } });
    fireEvent.change(within(panel).getByLabelText('其他获取方式'), { target: { value: '网安移交' } });
    fireEvent.click(within(panel).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.calls.filter((c) => c.method === 'sources.updateAcquisition')).toHaveLength(2));
    expect(backend.calls.filter((c) => c.method === 'sources.updateAcquisition')[1]?.input).toEqual({ sourceId: 1, acquisition: { method: '网安移交' } });

    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('complementary', { name: /检材详情/ })).toBeNull());
  });

  it('does not call the backend when nothing changed', async () => {
    const backend = renderSources({ 'sources.list': () => ({ sources: [source()] }) });
    const grid = await screen.findByRole('region', { name: '检材列表' });
    fireEvent.doubleClick(await within(grid).findByText('5104614320210702112732/广发银行交易明细信息.csv'));
    const panel = await screen.findByRole('complementary', { name: /检材详情/ });
    fireEvent.click(within(panel).getByRole('button', { name: '保存' }));
    expect(await within(panel).findByText('没有修改')).toBeTruthy();
    expect(backend.calls.some((c) => c.method === 'sources.updateAcquisition')).toBe(false);
  });
});
