// @vitest-environment happy-dom
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClient } from '@shared/api';
import type { JobProgress } from '@shared/domain';
import { App } from '../../../../renderer/src/app/App';
import { setLanguage } from '../../../../renderer/src/i18n';
import { settle, setupRendererTests } from '../support/dom';
import { baseHandlers, caseInfo, fakeBackend, operatorLi } from '../support/fake-backend';

setupRendererTests();

async function renderStatusBar() {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  const backend = fakeBackend(baseHandlers(caseInfo()));
  render(<App client={createClient(backend.transport)} />);
  await screen.findByRole('contentinfo');
  await settle();
  return backend;
}

const progress = (jobId: string, label: string, title?: JobProgress['title']): JobProgress => ({
  jobId,
  kind: title?.key ?? 'job',
  label,
  ...(title ? { title } : {}),
  done: 1,
  total: 4,
  unit: 'steps',
  ratePerSecond: null,
  etaSeconds: null,
});

/** the jobs the backend starts, each with the Chinese label it builds and the structured title beside it */
const JOBS: JobProgress[] = [
  progress('a', '导入 工行流水.xlsx、<b>建行</b>.csv', { key: 'import', names: ['工行流水.xlsx', '<b>建行</b>.csv'], count: 2 }),
  progress('b', '导入 财付通.zip 等 14 项', { key: 'import', names: ['财付通.zip', '支付宝.zip'], count: 14 }),
  progress('c', '运行全部检测规则', { key: 'detect', rules: [] }),
  progress('d', '运行检测规则 fan-in', { key: 'detect', rules: ['fan-in'] }),
  progress('e', '运行 3 条检测规则', { key: 'detect', rules: ['fan-in', 'fan-out', 'cycle'] }),
  progress('f', '导出交易明细（XLSX）', { key: 'export', format: 'xlsx' }),
  // a job that came with its Chinese label only
  progress('g', '重建索引'),
];

function jobNames(): string[] {
  const jobs = screen.getByLabelText(/^(后台任务|Background jobs)$/);
  return within(jobs).getAllByRole('group').map((group) => group.getAttribute('aria-label') ?? '');
}

describe('background jobs in the status bar', () => {
  it('names each job in English from its structured title, file names and rule ids as they are; a job without one by its label', async () => {
    await setLanguage('en');
    const backend = await renderStatusBar();
    act(() => JOBS.forEach((job) => backend.emit('job.progressed', job)));
    expect(jobNames()).toEqual([
      'Import 工行流水.xlsx, <b>建行</b>.csv',
      'Import 财付通.zip and others (14 in all)',
      'Run every detection rule',
      'Run detection rule fan-in',
      'Run 3 detection rules',
      'Export transactions (XLSX)',
      '重建索引',
    ]);
    const exportJob = screen.getByRole('group', { name: 'Export transactions (XLSX)' });
    expect(within(exportJob).getByRole('button', { name: 'Cancel' }).getAttribute('title')).toBe('Cancel job “Export transactions (XLSX)”');
    // a seized file name is text, never markup
    expect(document.querySelector('.statusbar b')).toBeNull();
  });

  it('in Chinese reads as the backend’s labels do', async () => {
    const backend = await renderStatusBar();
    act(() => JOBS.forEach((job) => backend.emit('job.progressed', job)));
    expect(jobNames()).toEqual(JOBS.map((job) => job.label));
  });
});
