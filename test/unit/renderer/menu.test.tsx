// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClient } from '@shared/api';
import type { CaseInfo } from '@shared/domain';
import { App } from '../../../renderer/src/app/App';
import { baseHandlers, caseInfo, fakeBackend, operatorLi } from './support/fake-backend';
import { settle, setupRendererTests } from './support/dom';

setupRendererTests();

function electronLike(open: { current: CaseInfo | null }) {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  const base = baseHandlers(null);
  return fakeBackend({
    ...base,
    'app.info': () => ({
      version: '0.1.0',
      host: 'electron',
      platform: 'win32',
      nodeVersion: '22.23.3',
      dataDir: 'C:\\Users\\li\\AppData\\Roaming\\Chainsight',
      casesDir: 'C:\\Users\\li\\Chainsight\\cases',
      nativeDialogs: true,
    }),
    'cases.current': () => ({ case: open.current }),
    'dialogs.pickFolder': () => ({ path: '/cases/picked.chainsight' }),
    'cases.open': ({ caseDir }) => {
      open.current = caseInfo({ caseName: '从菜单打开的案件' }, { caseDir });
      return open.current;
    },
    'cases.close': () => {
      open.current = null;
      return { closed: true };
    },
  });
}

describe('application menu commands (menu.invoked)', () => {
  it('case.open goes straight to the native folder picker and opens the chosen case; case.close closes it', async () => {
    const open = { current: null as CaseInfo | null };
    const backend = electronLike(open);
    render(<App client={createClient(backend.transport)} />);
    await screen.findByRole('heading', { name: '最近打开的案件' });
    // with native dialogs the case screen offers the picker button instead of asking for a path only
    expect(screen.getAllByRole('button', { name: '选择文件夹…' }).length).toBeGreaterThan(0);

    await settle();

    act(() => backend.emit('menu.invoked', { command: 'case.open' }));
    expect(await screen.findByRole('navigation', { name: '功能导航' })).toBeTruthy();
    expect(backend.calls.find((c) => c.method === 'cases.open')?.input).toEqual({ caseDir: '/cases/picked.chainsight' });
    expect(screen.getByText('/cases/picked.chainsight')).toBeTruthy();

    await settle();

    act(() => backend.emit('menu.invoked', { command: 'case.close' }));
    expect(await screen.findByRole('heading', { name: '最近打开的案件' })).toBeTruthy();
  });

  it('lang.toggle switches the language and help.about shows the version; Esc closes it', async () => {
    const backend = electronLike({ current: caseInfo() });
    render(<App client={createClient(backend.transport)} />);
    await screen.findByRole('navigation', { name: '功能导航' });
    await settle();
    act(() => backend.emit('menu.invoked', { command: 'lang.toggle' }));
    expect(await screen.findByRole('link', { name: 'Fund flow' })).toBeTruthy();
    await settle();
    act(() => backend.emit('menu.invoked', { command: 'help.about' }));
    const about = await screen.findByRole('dialog', { name: 'About Chainsight' });
    expect(about.textContent).toContain('0.1.0');
    expect(about.textContent).toContain('desktop app');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
