import { describe, expect, it, vi } from 'vitest';
import type { BaseWindow, MenuItem, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/domain';
import { buildMenuTemplate, installMenu } from '../../../electron/main/menu';
import { BrowserWindow, Menu } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(dev: boolean, platform: NodeJS.Platform = 'win32') {
  const emit = vi.fn<(command: MenuCommand, window: BrowserWindow | undefined) => void>();
  const template = buildMenuTemplate({ dev, platform, emit: emit as never });
  const click = (label: string, window?: BrowserWindow): void => {
    const item = flatten(template).find((i) => i.label === label);
    if (!item?.click) throw new Error(`no clickable item ${label}`);
    item.click({} as MenuItem, window as unknown as BaseWindow | undefined, {});
  };
  return { template, emit, click };
}

describe('application menu', () => {
  it('has the Chinese top-level menus', () => {
    expect(build(false).template.map((m) => m.label)).toStrictEqual(['文件', '编辑', '视图', '帮助']);
  });

  it.each([
    ['新建案件…', 'case.new'],
    ['打开案件…', 'case.open'],
    ['关闭案件', 'case.close'],
    ['切换语言（中文/English）', 'lang.toggle'],
    ['审计日志', 'view.audit'],
    ['关于链察', 'help.about'],
  ] as const)('%s emits %s for the window it was clicked in', (label, command) => {
    const { emit, click } = build(false);
    const window = new BrowserWindow();
    click(label, window);
    expect(emit).toHaveBeenCalledExactlyOnceWith(command, window);
  });

  it('emits with no window when none is focused', () => {
    const { emit, click } = build(false);
    click('打开案件…');
    expect(emit).toHaveBeenCalledExactlyOnceWith('case.open', undefined);
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (dev: boolean): unknown[] => flatten(build(dev).template).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('quits from 文件 → 退出, or from the app menu on macOS', () => {
    const file = (platform: NodeJS.Platform): MenuItemConstructorOptions[] => {
      const menu = build(false, platform).template.find((m) => m.label === '文件');
      return Array.isArray(menu?.submenu) ? menu.submenu : [];
    };
    expect(file('linux').find((i) => i.label === '退出')?.role).toBe('quit');
    expect(file('darwin').some((i) => i.role === 'quit')).toBe(false);
    const mac = build(false, 'darwin').template;
    expect(mac[0]?.label).toBe('链察');
    expect(flatten([mac[0] ?? {}]).some((i) => i.role === 'quit')).toBe(true);
  });

  it('is installed as the application menu', () => {
    installMenu({ dev: false, platform: 'linux', emit: () => undefined });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });
});
