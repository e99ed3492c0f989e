// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError, createClient } from '@shared/api';
import type { Operator } from '@shared/domain';
import { App } from '../../../renderer/src/app/App';
import { baseHandlers, caseInfo, fakeBackend, operatorLi } from './support/fake-backend';
import { settle, setupRendererTests } from './support/dom';

setupRendererTests();

describe('start flow: operator, then case', () => {
  it('creates the first operator profile (姓名/单位/警号), selects it and moves on to the case screen', async () => {
    const operators: Operator[] = [];
    const backend = fakeBackend({
      ...baseHandlers(null, operators),
      'operators.list': () => ({ operators, currentId: operators.at(-1)?.id ?? null }),
      'operators.save': (input) => {
        const saved = { ...input, id: 'op-new' };
        operators.push(saved);
        return saved;
      },
    });
    render(<App client={createClient(backend.transport)} />);

    expect(await screen.findByRole('heading', { name: '选择承办人' })).toBeTruthy();
    expect(screen.getByText('尚无承办人档案，请先新建。')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/姓名/), { target: { value: '王警官' } });
    fireEvent.change(screen.getByLabelText('单位'), { target: { value: '某市公安局' } });
    fireEvent.change(screen.getByLabelText('警号'), { target: { value: '778899' } });
    fireEvent.click(screen.getByRole('button', { name: '新建并使用' }));

    expect(await screen.findByText('承办人：王警官')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '案件', level: 1 })).toBeTruthy();
    expect(backend.calls.find((c) => c.method === 'operators.save')?.input).toEqual({ name: '王警官', unit: '某市公安局', badge: '778899' });
    expect(backend.calls.find((c) => c.method === 'operators.select')?.input).toEqual({ id: 'op-new' });
    // 承办人 of a new case defaults to the operator
    expect(screen.getByLabelText<HTMLInputElement>('承办人').value).toBe('王警官');
    expect(screen.getByText('留空则存放在 /home/user/cases')).toBeTruthy();
  });

  it('chooses an existing operator and opens the workstation when a case is already open', async () => {
    const backend = fakeBackend(baseHandlers(caseInfo()));
    render(<App client={createClient(backend.transport)} />);
    fireEvent.click(await screen.findByRole('button', { name: /以此身份继续: 李警官/ }));
    expect(await screen.findByRole('navigation', { name: '功能导航' })).toBeTruthy();
    expect(backend.calls.some((c) => c.method === 'operators.select')).toBe(true);
    expect(screen.getAllByText('张某某非法吸收公众存款案').length).toBeGreaterThan(0);
    expect(screen.getByText('写入锁：本程序持有')).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('显示时区').value).toBe('Asia/Shanghai');
  });

  it('shows who holds the case when opening it fails with CASE_LOCKED', async () => {
    window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
    const backend = fakeBackend({
      ...baseHandlers(null),
      'cases.open': () => {
        throw new AppError('CASE_LOCKED', 'case is open in serve on ws-07 (pid 4242) by 王警官');
      },
    });
    render(<App client={createClient(backend.transport)} />);
    fireEvent.change(await screen.findByLabelText(/案件文件夹路径/), { target: { value: '/cases/x.chainsight' } });
    fireEvent.click(screen.getByRole('button', { name: '打开' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('案件正被占用')).toBeTruthy();
    expect(within(alert).getByText(/by 王警官/)).toBeTruthy();
  });

  it('lists unavailable recent cases with their problem and does not let them be opened', async () => {
    window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
    const backend = fakeBackend({
      ...baseHandlers(null),
      'cases.recent': () => ({
        cases: [
          { caseDir: '/gone.chainsight', caseNumber: 'X-1', caseName: '旧案', openedAt: null, available: false, problem: 'folder not found' },
        ],
      }),
    });
    render(<App client={createClient(backend.transport)} />);
    const item = (await screen.findByText('旧案')).closest('button');
    expect(item?.disabled).toBe(true);
    expect(screen.getByText('无法打开: folder not found')).toBeTruthy();
  });

  it('follows the case when the backend says it changed, and the menu opens the audit view', async () => {
    window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
    let open: ReturnType<typeof caseInfo> | null = null;
    const backend = fakeBackend({ ...baseHandlers(null), 'cases.current': () => ({ case: open }) });
    render(<App client={createClient(backend.transport)} />);
    expect(await screen.findByRole('heading', { name: '最近打开的案件' })).toBeTruthy();
    open = caseInfo();
    await settle();
    act(() => backend.emit('case.changed', { caseDir: open?.caseDir ?? null }));
    expect(await screen.findByRole('navigation', { name: '功能导航' })).toBeTruthy();
    await settle();
    act(() => backend.emit('menu.invoked', { command: 'view.audit' }));
    expect(await screen.findByRole('heading', { name: '审计日志' })).toBeTruthy();
    expect(await screen.findByText('审计链完整：共 1 条，逐条校验通过。')).toBeTruthy();
  });
});

describe('first run: the demo case', () => {
  it('offers the demo case when there is no case yet, and creating it opens the workstation', async () => {
    window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
    let open: ReturnType<typeof caseInfo> | null = null;
    const backend = fakeBackend({
      ...baseHandlers(null),
      'cases.recent': () => ({ cases: [] }),
      'cases.current': () => ({ case: open }),
      'cases.createDemo': () => {
        open = caseInfo();
        return { case: open, jobId: 'job-1', dataDir: '/home/user/cases/demo-data/seed-1' };
      },
    });
    render(<App client={createClient(backend.transport)} />);
    // the offer turns prominent once the (empty) recent list has loaded: click that one, once it is enabled
    const offer = await waitFor(() => {
      const region = screen.getByRole('region', { name: '演示案件' });
      expect(region.className).toContain('demo-offer-prominent');
      return region;
    });
    expect(within(offer).getByText(/虚构的演示数据/)).toBeTruthy();
    const create = within(offer).getByRole<HTMLButtonElement>('button', { name: '创建演示案件' });
    await waitFor(() => expect(create.disabled).toBe(false));
    fireEvent.click(create);
    await waitFor(() => expect(backend.calls.find((c) => c.method === 'cases.createDemo')?.input).toEqual({}));
    expect(await screen.findByRole('navigation', { name: '功能导航' })).toBeTruthy();
  });

  it('does not push the demo on a workstation that already has cases', async () => {
    window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
    const backend = fakeBackend({
      ...baseHandlers(null),
      'cases.recent': () => ({
        cases: [{ caseDir: '/cases/a.chainsight', caseNumber: 'A1', caseName: '已有案件', openedAt: null, available: true, problem: null }],
      }),
    });
    render(<App client={createClient(backend.transport)} />);
    expect(await screen.findByText('已有案件')).toBeTruthy();
    const offer = screen.getByRole('region', { name: '演示案件' });
    expect(offer.className).not.toContain('demo-offer-prominent');
  });
});
