// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError, createClient } from '@shared/api';
import type { InspectedFile, MappingTemplate } from '@shared/domain';
import { listFormats } from '@shared/parsers/template';
import { App } from '../../../renderer/src/app/App';
import { baseHandlers, caseInfo, fakeBackend, operatorLi, type Handlers } from './support/fake-backend';
import { setupRendererTests } from './support/dom';

setupRendererTests();

function saved(name: string, version: number, kind: MappingTemplate['kind'] = 'transactions'): MappingTemplate {
  return {
    id: `template:${name}@${version}`,
    name,
    kind,
    version,
    createdAt: `2026-0${version}-01T00:00:00.000Z`,
    headerSignature: ['accountno'],
    columnMap: { account: 'Account No' },
    rules: { dateForm: 'auto', amountConvention: 'signed', inWords: [], outWords: [], currency: 'CNY', grade: 'self-provided', accountKind: 'bank' },
  };
}

/** The import page over a fake backend whose template store is `store` (renames and deletes change it). */
function renderImport(store: MappingTemplate[], handlers: Handlers = {}) {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  window.location.hash = '#/import';
  const backend = fakeBackend({
    ...baseHandlers(caseInfo()),
    'sources.list': () => ({ sources: [] }),
    'templates.list': () => ({ templates: [...store] }),
    'formats.list': () => ({ formats: listFormats(store) }),
    'templates.rename': ({ name, newName }) => {
      if (store.some((t) => t.name === newName)) throw new AppError('BAD_INPUT', `A template named "${newName}" already exists`);
      store.forEach((t, i) => {
        if (t.name === name) store[i] = { ...t, name: newName, id: `template:${newName}@${t.version}` };
      });
      return { templates: store.filter((t) => t.name === newName) };
    },
    'templates.delete': ({ name }) => {
      const before = store.length;
      store.splice(0, store.length, ...store.filter((t) => t.name !== name));
      return { deleted: before - store.length };
    },
    ...handlers,
  });
  render(<App client={createClient(backend.transport)} />);
  return backend;
}

const unrecognised: InspectedFile = {
  path: '/data/export.csv',
  file: 'export.csv',
  size: 120,
  status: 'unrecognised',
  problem: 'format not recognised',
  encoding: 'UTF-8',
  candidates: [],
  preview: [['Account No', 'Amount']],
};

async function openTemplates(): Promise<HTMLElement> {
  const panel = await screen.findByRole('region', { name: '已保存的列映射模板' });
  fireEvent.click(within(panel).getByRole('button', { name: '显示' }));
  return within(panel).getByRole('table', { name: '已保存的列映射模板' });
}

describe('saved column-mapping templates on the import page', () => {
  it('lists each template once with its latest version, kind and number of versions', async () => {
    renderImport([saved('英文流水', 1), saved('群聊导出', 1, 'messages'), saved('英文流水', 2)]);
    const table = await openTemplates();
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').slice(0, 4).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['英文流水', '交易明细', 'v2', '2'],
      ['群聊导出', '聊天记录', 'v1', '1'],
    ]);
  });

  it('is not shown while no template has been saved', async () => {
    renderImport([]);
    expect(await screen.findByText('还没有选择文件')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('region', { name: '已保存的列映射模板' })).toBeNull());
  });

  it('renames a template, says why a taken name is refused, and shows the new name', async () => {
    const store = [saved('英文流水', 1), saved('另一格式', 1)];
    const backend = renderImport(store);
    let table = await openTemplates();
    fireEvent.click(within(table).getByRole('button', { name: '重命名 英文流水' }));
    const input = within(table).getByLabelText('“英文流水”的新名称');
    fireEvent.change(input, { target: { value: '另一格式' } });
    fireEvent.click(within(table).getByRole('button', { name: '保存名称' }));
    expect(await within(table).findByText(/already exists/)).toBeTruthy();

    fireEvent.change(input, { target: { value: ' 工行英文流水 ' } });
    fireEvent.click(within(table).getByRole('button', { name: '保存名称' }));
    table = await screen.findByRole('table', { name: '已保存的列映射模板' });
    expect(await within(table).findByText('工行英文流水')).toBeTruthy();
    expect(within(table).queryByText('英文流水')).toBeNull();
    expect(backend.calls.filter((c) => c.method === 'templates.rename').map((c) => c.input)).toEqual([
      { name: '英文流水', newName: '另一格式' },
      { name: '英文流水', newName: '工行英文流水' },
    ]);
  });

  it('deletes a template only after the confirmation, naming how many versions go', async () => {
    const store = [saved('英文流水', 1), saved('英文流水', 2), saved('群聊导出', 1, 'messages')];
    const backend = renderImport(store);
    const table = await openTemplates();

    fireEvent.click(within(table).getByRole('button', { name: '删除 英文流水' }));
    let dialog = await screen.findByRole('dialog', { name: '删除列映射模板' });
    expect(within(dialog).getByText(/删除模板“英文流水”的全部 2 个版本？/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(backend.calls.some((c) => c.method === 'templates.delete')).toBe(false);

    fireEvent.click(within(table).getByRole('button', { name: '删除 英文流水' }));
    dialog = await screen.findByRole('dialog', { name: '删除列映射模板' });
    fireEvent.click(within(dialog).getByRole('button', { name: '删除模板' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.calls.filter((c) => c.method === 'templates.delete').map((c) => c.input)).toEqual([{ name: '英文流水' }]);
    await waitFor(() => expect(within(table).queryByText('英文流水')).toBeNull());
    expect(within(table).getByText('群聊导出')).toBeTruthy();
  });

  it('offers saved templates in the format select for a file chosen on its own, and imports with the one chosen', async () => {
    const backend = renderImport([saved('英文流水', 1), saved('英文流水', 2)], {
      'import.inspect': () => ({ files: [unrecognised] }),
      'import.start': () => ({ jobId: 'job-1' }),
    });
    fireEvent.change(await screen.findByLabelText('本机路径（文件或文件夹）'), { target: { value: '/data/export.csv' } });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    const select = await screen.findByLabelText<HTMLSelectElement>('指定格式');
    const group = await waitFor(() => {
      const found = select.querySelector('optgroup[label="已保存的列映射模板"]');
      if (found === null) throw new Error('no saved-template group yet');
      return found as HTMLElement;
    });
    expect(within(group).getAllByRole('option').map((o) => o.textContent)).toEqual(['列映射模板“英文流水” v2', '列映射模板“英文流水” v1']);
    expect(within(select.querySelector('optgroup[label="内置格式"]') as HTMLElement).getByRole('option', { name: '查控交易明细信息' })).toBeTruthy();

    fireEvent.change(select, { target: { value: 'template:英文流水@1' } });
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }));
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'import.start')).toBe(true));
    expect(backend.calls.find((c) => c.method === 'import.start')?.input).toMatchObject({ paths: ['/data/export.csv'], formatId: 'template:英文流水@1' });
  });
});

describe('choosing files in the desktop app', () => {
  it('picks several files with the native dialog (drops cannot give paths there) and inspects each', async () => {
    const backend = renderImport([], {
      'app.info': () => ({
        version: '0.1.0', host: 'electron', platform: 'win32', nodeVersion: '22.23.3', dataDir: 'C:\\data', casesDir: 'C:\\cases', nativeDialogs: true,
      }),
      'dialogs.pickFiles': () => ({ paths: ['D:\\查控\\工行交易明细.csv', 'D:\\查控\\工行账户信息.csv'] }),
      'import.inspect': ({ paths }) => ({ files: paths.map((path) => ({ ...unrecognised, path, file: path.split('\\').at(-1) ?? path, status: 'ok' as const })) }),
    });
    expect(await screen.findByText('桌面版中请用“选择文件…”或“选择文件夹…”添加文件（不支持拖放）。')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '拖放区：文件或文件夹' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '选择文件…' }));
    expect(await screen.findByText('工行账户信息.csv')).toBeTruthy();
    expect(backend.calls.find((c) => c.method === 'dialogs.pickFiles')?.input).toEqual({ title: '选择要导入的文件' });
    expect(backend.calls.filter((c) => c.method === 'import.inspect').map((c) => c.input)).toEqual([
      { paths: ['D:\\查控\\工行交易明细.csv'] },
      { paths: ['D:\\查控\\工行账户信息.csv'] },
    ]);
  });

  it('offers no file dialog button in the browser, where files are dropped or uploaded', async () => {
    renderImport([]);
    expect(await screen.findByRole('region', { name: '拖放区：文件或文件夹' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '选择文件…' })).toBeNull();
  });
});
