import { BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { HostDialogs } from '../core/host';

/**
 * Native pickers, modal to the focused window when there is one. Cancelling answers `null` (or no paths).
 * `platform` is a parameter so tests can take each branch; it defaults to the running one.
 */
export function createDialogs(platform: NodeJS.Platform = process.platform): HostDialogs {
  const parent = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? undefined;

  return {
    async pickFolder({ title }) {
      const options: OpenDialogOptions = {
        ...(title === undefined ? {} : { title }),
        properties: ['openDirectory', 'createDirectory'],
      };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },

    async pickFiles({ title }) {
      // macOS mixes files and folders in one panel; on Windows and Linux asking for both shows a folder-only
      // picker, so there it picks files and folders come from pickFolder
      const kinds: ('openFile' | 'openDirectory')[] = platform === 'darwin' ? ['openFile', 'openDirectory'] : ['openFile'];
      const options: OpenDialogOptions = {
        ...(title === undefined ? {} : { title }),
        properties: [...kinds, 'multiSelections'],
      };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },

    async pickSavePath({ title, defaultName }) {
      const options: SaveDialogOptions = {
        ...(title === undefined ? {} : { title }),
        defaultPath: defaultName,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || result.filePath === '' ? null : result.filePath;
    },
  };
}
