import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/domain';

/** Delivers a command to the renderer; `window` is the one the click came from, if any. */
export type MenuEmit = (command: MenuCommand, window: BrowserWindow | undefined) => void;

export interface MenuOptions {
  dev: boolean;
  platform: NodeJS.Platform;
  emit: MenuEmit;
}

/**
 * The application menu (Chinese, the default UI language). Items that belong to the app's workflow are only
 * announced to the renderer as `menu.invoked`; the renderer owns the flow (dialogs, confirmations, routing).
 */
export function buildMenuTemplate({ dev, platform, emit }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: (_item, window) => emit(cmd, window instanceof BrowserWindow ? window : undefined),
  });
  const mac = platform === 'darwin';

  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        command('新建案件…', 'case.new', 'CmdOrCtrl+N'),
        command('打开案件…', 'case.open', 'CmdOrCtrl+O'),
        command('关闭案件', 'case.close'),
        // on macOS, quitting lives in the app menu
        ...(mac ? [] : ([{ type: 'separator' }, { label: '退出', role: 'quit' }] satisfies MenuItemConstructorOptions[])),
      ],
    },
    {
      // Without an Edit menu, copy and paste shortcuts do not work in text fields on macOS.
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        command('切换语言（中文/English）', 'lang.toggle'),
        command('审计日志', 'view.audit'),
        ...(dev
          ? ([
              { type: 'separator' },
              { label: '重新加载', role: 'reload' },
              { label: '开发者工具', role: 'toggleDevTools' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
      ],
    },
    { label: '帮助', submenu: [command('关于链察', 'help.about')] },
  ];
  if (mac) {
    template.unshift({
      label: '链察',
      submenu: [command('关于链察', 'help.about'), { type: 'separator' }, { label: '隐藏链察', role: 'hide' }, { label: '退出链察', role: 'quit' }],
    });
  }
  return template;
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
