import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDialogs } from '../../../electron/main/dialogs';
import { BrowserWindow, dialog, resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

describe('native dialogs', () => {
  beforeEach(() => resetElectronMock());

  it('pickFolder opens a directory picker that can create folders, modal to the focused window', async () => {
    const window = new BrowserWindow();
    state.focused = window;
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/cases/张三案.chainsight'] });
    await expect(createDialogs().pickFolder({ title: '打开案件' })).resolves.toBe('/cases/张三案.chainsight');
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, {
      title: '打开案件',
      properties: ['openDirectory', 'createDirectory'],
    });
  });

  it('pickFolder answers null when cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(createDialogs().pickFolder({})).resolves.toBeNull();
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith({ properties: ['openDirectory', 'createDirectory'] });
  });

  it('pickSavePath proposes the default name and answers the chosen path or null', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/out/bundle.zip' });
    await expect(createDialogs().pickSavePath({ defaultName: 'bundle.zip' })).resolves.toBe('/out/bundle.zip');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'bundle.zip' }));

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(createDialogs().pickSavePath({ defaultName: 'bundle.zip' })).resolves.toBeNull();
  });

  it('pickFiles picks several files at once on Windows and Linux, where one dialog cannot also pick folders', async () => {
    const window = new BrowserWindow();
    state.focused = window;
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['D:\\查控\\交易明细.csv', 'D:\\查控\\账户信息.csv'] });
    await expect(createDialogs('win32').pickFiles({ title: '选择要导入的文件' })).resolves.toEqual(['D:\\查控\\交易明细.csv', 'D:\\查控\\账户信息.csv']);
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, { title: '选择要导入的文件', properties: ['openFile', 'multiSelections'] });

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/u/a.csv'] });
    await createDialogs('linux').pickFiles({});
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(window, { properties: ['openFile', 'multiSelections'] });
  });

  it('pickFiles also takes folders on macOS, and answers no paths when cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/Users/u/查控反馈', '/Users/u/流水.xlsx'] });
    await expect(createDialogs('darwin').pickFiles({})).resolves.toEqual(['/Users/u/查控反馈', '/Users/u/流水.xlsx']);
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith({ properties: ['openFile', 'openDirectory', 'multiSelections'] });

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(createDialogs('darwin').pickFiles({})).resolves.toEqual([]);
  });
});
