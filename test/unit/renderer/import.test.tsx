// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, createClient } from '@shared/api';
import type { ImportReport, InspectedFile, MappingTemplate } from '@shared/domain';
import { listFormats } from '@shared/parsers/template';
import { App } from '../../../renderer/src/app/App';
import { baseHandlers, caseInfo, fakeBackend, operatorLi, type Handlers } from './support/fake-backend';
import { settle, setupRendererTests } from './support/dom';

setupRendererTests();

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const HOSTILE = '<img src=x onerror=alert(1)>.csv';
const STAGING = '/cases/2024-001.chainsight/.staging';

function renderImport(handlers: Handlers = {}) {
  window.sessionStorage.setItem('chainsight.operatorConfirmed', operatorLi.id);
  window.sessionStorage.setItem('chainsight.token', 'tok-123');
  window.location.hash = '#/import';
  const backend = fakeBackend({
    ...baseHandlers(caseInfo()),
    'sources.list': () => ({ sources: [] }),
    'formats.list': () => ({ formats: listFormats([]) }),
    'templates.list': () => ({ templates: [] }),
    ...handlers,
  });
  render(<App client={createClient(backend.transport)} />);
  return backend;
}

function inspected(file: string, overrides: Partial<InspectedFile> = {}): InspectedFile {
  return {
    path: `/data/${file}`,
    file,
    size: 2_345_678,
    status: 'ok',
    problem: null,
    encoding: 'GB18030',
    candidates: [
      { format: 'ccxk.transactions', name: '查控交易明细信息', confidence: 0.97, reason: '表头匹配 12/12 个查控交易明细字段（交易卡号, 交易时间, 交易金额 …）' },
    ],
    preview: [
      ['交易卡号', '交易时间', '交易金额', '对手户名'],
      ['6214830000000001', '20210702112732', '1000.00', '<b>张三</b>'],
    ],
    ...overrides,
  };
}

/** A fake FileSystemEntry tree, as Chromium hands it out from a drop. */
function fileEntry(file: File, dir = '') {
  return { isFile: true, isDirectory: false, name: file.name, fullPath: `${dir}/${file.name}`, file: (ok: (f: File) => void) => ok(file) };
}
function dirEntry(name: string, children: unknown[]) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath: `/${name}`,
    createReader: () => {
      let given = false;
      return {
        readEntries: (ok: (entries: unknown[]) => void) => {
          ok(given ? [] : children);
          given = true;
        },
      };
    },
  };
}

/** The loopback server's answer to POST /api/upload, echoing the batch and path it was sent. */
function uploadServer() {
  return vi.fn((_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const rel = decodeURIComponent(headers['X-Upload-Path'] ?? '');
    const batchDir = `${STAGING}/${headers['X-Upload-Batch'] ?? ''}`;
    const body = { ok: true, value: { batchDir, file: `${batchDir}/${rel}`, size: (init.body as Blob).size } };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
  });
}

async function addPath(path: string) {
  fireEvent.change(await screen.findByLabelText('本机路径（文件或文件夹）'), { target: { value: path } });
  fireEvent.click(screen.getByRole('button', { name: '添加' }));
}

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    jobId: 7,
    files: [
      {
        file: '5104614320210702112732/广发银行交易明细信息.csv',
        status: 'imported',
        reason: null,
        format: 'ccxk.transactions',
        formatName: '查控交易明细信息',
        confidence: 0.97,
        detectReason: '表头匹配 12/12 个查控交易明细字段',
        encoding: 'GB18030',
        sha256: 'a'.repeat(12) + 'b'.repeat(52),
        sm3: 'c'.repeat(12) + 'd'.repeat(52),
        size: 1_234_567,
        sourceId: 3,
        rowsRead: 12_345,
        imported: 12_340,
        rejected: 5,
        warnings: ['3 行交易时间缺少秒，按 00 秒读取'],
        errors: [{ line: 17, sheet: '', code: 'BAD_AMOUNT', message: '交易金额无法解析：“12,3x”' }],
      },
      {
        file: '5104614320210702112732/说明.txt',
        status: 'skipped',
        reason: 'format not recognised (no built-in format or saved template matches its header)',
        skip: { code: 'unrecognised' },
        format: null,
        formatName: null,
        confidence: null,
        detectReason: null,
        encoding: 'UTF-8',
        sha256: 'e'.repeat(64),
        sm3: 'f'.repeat(64),
        size: 120,
        sourceId: null,
        rowsRead: 0,
        imported: 0,
        rejected: 0,
        warnings: [],
        errors: [],
      },
    ],
    quality: { duplicates: 3, reversals: 0, mirrorPairs: 2, balanceBreaks: 1, balanceRowsChecked: 12_000, accountMerges: 2, accountMergesUndone: 0 },
    chats: { messages: 0, identifiers: 0, amounts: 0, lexiconHits: 0, transferLinks: 0, dupClusters: 0 },
    timings: { readMs: 1200, qualityMs: 80 },
    ...overrides,
  };
}

describe('import page', () => {
  it('says what to do next when nothing is chosen, in the browser with a drop zone and file pickers', async () => {
    renderImport();
    expect(await screen.findByRole('heading', { name: '导入', level: 1 })).toBeTruthy();
    expect(screen.getByText('还没有选择文件')).toBeTruthy();
    expect(screen.getByRole('region', { name: '拖放区：文件或文件夹' })).toBeTruthy();
    expect(screen.getByLabelText('选择文件…')).toBeTruthy();
    expect(screen.getByLabelText('选择文件夹…').hasAttribute('webkitdirectory')).toBe(true);
    expect(screen.queryByRole('button', { name: '开始导入' })).toBeNull();
  });

  it('offers no import in a case opened read-only', async () => {
    renderImport({ 'cases.current': () => ({ case: caseInfo({}, { readOnly: true }) }) });
    expect(await screen.findByText('案件以只读方式打开，不能导入。')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '拖放区：文件或文件夹' })).toBeNull();
  });

  it('in the desktop app picks a folder with the native dialog (no uploads) and inspects it', async () => {
    const backend = renderImport({
      'app.info': () => ({
        version: '0.1.0', host: 'electron', platform: 'win32', nodeVersion: '22.23.3', dataDir: 'C:\\data', casesDir: 'C:\\cases', nativeDialogs: true,
      }),
      'dialogs.pickFolder': () => ({ path: 'D:\\查控反馈\\5104614320210702112732' }),
      'import.inspect': ({ paths }) => ({ files: [inspected('5104614320210702112732/广发银行交易明细信息.csv', { path: `${paths[0] ?? ''}\\广发银行交易明细信息.csv` })] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '选择文件夹…' }));
    expect(await screen.findByText('5104614320210702112732/广发银行交易明细信息.csv')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '拖放区：文件或文件夹' })).toBeNull();
    expect(backend.calls.find((c) => c.method === 'import.inspect')?.input).toEqual({ paths: ['D:\\查控反馈\\5104614320210702112732'] });
    expect(screen.getByLabelText('本机路径（文件或文件夹）')).toBeTruthy();
  });

  it('uploads a dropped folder and a file with one batch id, their relative paths and the token, then inspects each', async () => {
    const fetchMock = uploadServer();
    vi.stubGlobal('fetch', fetchMock);
    const backend = renderImport({
      'import.inspect': ({ paths }) => ({ files: paths.map((path) => inspected(path.split('/').slice(-1)[0] ?? path, { path })) }),
    });
    const zone = await screen.findByRole('region', { name: '拖放区：文件或文件夹' });
    const csv = new File(['交易卡号,交易时间\n'], '广发银行交易明细信息.csv');
    const junk = new File(['x'], '.DS_Store');
    const loose = new File(['bytes'], '工行流水.xlsx');
    const items = [
      { kind: 'file', webkitGetAsEntry: () => dirEntry('5104614320210702112732', [fileEntry(csv, '/5104614320210702112732'), fileEntry(junk)]) },
      { kind: 'file', webkitGetAsEntry: () => fileEntry(loose) },
    ];
    fireEvent.drop(zone, { dataTransfer: { items, files: [] } });

    await waitFor(() => expect(backend.calls.filter((c) => c.method === 'import.inspect')).toHaveLength(2));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const sent = fetchMock.mock.calls.map(([url, init]) => ({ url, headers: init.headers as Record<string, string>, body: init.body }));
    expect(sent.map((s) => s.url)).toEqual(['/api/upload', '/api/upload']);
    expect(sent.map((s) => decodeURIComponent(s.headers['X-Upload-Path'] ?? ''))).toEqual(['5104614320210702112732/广发银行交易明细信息.csv', '工行流水.xlsx']);
    expect(sent[0]?.headers['X-Upload-Path']).toBe(encodeURIComponent('5104614320210702112732/广发银行交易明细信息.csv'));
    const batch = sent[0]?.headers['X-Upload-Batch'] ?? '';
    expect(batch).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(sent[1]?.headers['X-Upload-Batch']).toBe(batch);
    expect(sent.every((s) => s.headers.Authorization === 'Bearer tok-123')).toBe(true);
    // the File itself is the body: the browser streams it, nothing is read into a string
    expect(sent[0]?.body).toBe(csv);
    expect(sent[1]?.body).toBe(loose);
    // the dropped folder is inspected as a folder, so its name (the 请求号) stays in every relative path
    const inspectedPaths = backend.calls.filter((c) => c.method === 'import.inspect').map((c) => (c.input as { paths: string[] }).paths);
    expect(inspectedPaths).toEqual([[`${STAGING}/${batch}/5104614320210702112732`], [`${STAGING}/${batch}/工行流水.xlsx`]]);
  });

  it('uploads what the file input picked, keeping webkitRelativePath', async () => {
    const fetchMock = uploadServer();
    vi.stubGlobal('fetch', fetchMock);
    renderImport({ 'import.inspect': () => ({ files: [inspected('5104614320210702112732/广发银行交易明细信息.csv')] }) });
    const input = await screen.findByLabelText('选择文件夹…');
    const file = new File(['a'], '广发银行交易明细信息.csv');
    Object.defineProperty(file, 'webkitRelativePath', { value: '5104614320210702112732/广发银行交易明细信息.csv' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const headers = fetchMock.mock.calls[0]?.[1].headers as Record<string, string>;
    expect(decodeURIComponent(headers['X-Upload-Path'] ?? '')).toBe('5104614320210702112732/广发银行交易明细信息.csv');
    expect(await screen.findByText('5104614320210702112732/广发银行交易明细信息.csv')).toBeTruthy();
  });

  it('shows each file with its detected format, confidence and reason, renders hostile names and cells as text, and previews rows', async () => {
    renderImport({
      'import.inspect': () => ({
        files: [
          inspected('5104614320210702112732/广发银行交易明细信息.csv'),
          inspected(`5104614320210702112732/${HOSTILE}`, { status: 'unrecognised', problem: 'format not recognised', candidates: [], preview: [] }),
        ],
      }),
    });
    await addPath('/data/5104614320210702112732');
    const table = await screen.findByRole('table', { name: '识别结果' });
    expect(await within(table).findByText('查控交易明细信息')).toBeTruthy();
    expect(within(table).getByText('97%')).toBeTruthy();
    expect(within(table).getByText(/表头匹配 12\/12 个查控交易明细字段/)).toBeTruthy();
    expect(within(table).getAllByText('GB18030').length).toBe(2);
    expect(within(table).getAllByText('2.2 MB').length).toBe(2);
    expect(within(table).getByText(`5104614320210702112732/${HOSTILE}`)).toBeTruthy();
    expect(within(table).getByText('无法识别格式')).toBeTruthy();
    expect(within(table).getByText('导入时跳过，并在报告中列出')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();

    fireEvent.click(within(table).getAllByRole('button', { name: '预览' })[0] as HTMLElement);
    const preview = await screen.findByRole('table', { name: '文件前几行（原样文本）' });
    expect(within(preview).getByText('<b>张三</b>')).toBeTruthy();
    expect(preview.querySelector('b')).toBeNull();
    // a folder with one unrecognised file still imports: the file is skipped and reported
    expect(screen.getByText(/将导入 1 \/ 2 个文件。/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '开始导入' }).hasAttribute('disabled')).toBe(false);
  });

  it('blocks an unrecognised file chosen on its own until its format is chosen, then sends formatId and the zone', async () => {
    const backend = renderImport({
      'import.inspect': () => ({ files: [inspected('流水.csv', { status: 'unrecognised', problem: 'format not recognised', candidates: [] })] }),
      'import.start': () => ({ jobId: 'job-9' }),
    });
    await addPath('/data/流水.csv');
    expect(await screen.findByText(/以下问题会使整批导入失败/)).toBeTruthy();
    const start = screen.getByRole('button', { name: '开始导入' });
    expect(start.hasAttribute('disabled')).toBe(true);
    await screen.findByRole('option', { name: '查控交易明细信息' });
    fireEvent.change(screen.getByLabelText('指定格式'), { target: { value: 'ccxk.transactions' } });
    fireEvent.change(screen.getByLabelText(/时区（原始记录未写明时区时）/), { target: { value: 'Asia/Hong_Kong' } });
    expect(start.hasAttribute('disabled')).toBe(false);
    fireEvent.click(start);
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'import.start')).toBe(true));
    expect(backend.calls.find((c) => c.method === 'import.start')?.input).toEqual({
      paths: ['/data/流水.csv'],
      formatId: 'ccxk.transactions',
      timeZone: 'Asia/Hong_Kong',
    });
  });

  it('shows the running import with rows, rate and time left, and cancels it through jobs.cancel', async () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const backend = renderImport({
      'import.inspect': () => ({ files: [inspected('5104614320210702112732/广发银行交易明细信息.csv')] }),
      'import.start': () => ({ jobId: 'job-1' }),
      'jobs.cancel': () => ({ cancelled: true }),
    });
    await addPath('/data/5104614320210702112732');
    fireEvent.click(await screen.findByRole('button', { name: '开始导入' }));
    const running = await screen.findByRole('region', { name: '正在导入' });
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'import.start')).toBe(true));
    expect(backend.calls.find((c) => c.method === 'import.start')?.input).toEqual({ paths: ['/data/5104614320210702112732'], timeZone: 'Asia/Shanghai' });

    now.mockReturnValue(1_002_000);
    await settle();
    act(() =>
      backend.emit('job.progressed', {
        jobId: 'job-1', kind: 'import', label: '导入 5104614320210702112732', done: 5 * 1024 * 1024, total: 10 * 1024 * 1024, unit: 'bytes',
        ratePerSecond: 2.5 * 1024 * 1024, etaSeconds: 65, rows: 12_000, files: { done: 1, total: 2 },
      }),
    );
    expect(await within(running).findByText('12,000')).toBeTruthy();
    expect(within(running).getByText('1 / 2')).toBeTruthy();
    expect(within(running).getByText('5.0 MB / 10.0 MB')).toBeTruthy();
    expect(within(running).getByText('6,000 行/秒 · 2.5 MB/秒')).toBeTruthy();
    expect(within(running).getByText('1 分 05 秒')).toBeTruthy();
    const bar = within(running).getByRole('progressbar');
    expect(bar.getAttribute('value')).toBe(String(5 * 1024 * 1024));

    fireEvent.click(within(running).getByRole('button', { name: '取消' }));
    expect(await within(running).findByRole('button', { name: '正在取消…' })).toBeTruthy();
    expect(backend.calls.find((c) => c.method === 'jobs.cancel')?.input).toEqual({ jobId: 'job-1' });

    await settle();

    act(() => backend.emit('import.finished', { jobId: 'job-1', ok: false, report: null, error: { code: 'CANCELLED', message: 'cancelled' } }));
    expect(await screen.findByText('导入已取消')).toBeTruthy();
    expect(screen.getByText(/本次导入没有写入任何数据/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: '正在导入' })).toBeNull();
  });

  it('renders the report: counts with separators, rejected rows with line and message, skipped files with the reason, quality, hashes', async () => {
    const backend = renderImport({
      'import.inspect': () => ({ files: [inspected('5104614320210702112732/广发银行交易明细信息.csv')] }),
    });
    // the event stream may beat the answer to import.start: the outcome must not be lost
    backend.handlers['import.start'] = () => {
      backend.emit('import.finished', { jobId: 'job-2', ok: true, report: report(), error: null });
      return { jobId: 'job-2' };
    };
    await addPath('/data/5104614320210702112732');
    fireEvent.click(await screen.findByRole('button', { name: '开始导入' }));

    const shown = await screen.findByRole('region', { name: '导入报告' });
    expect(within(shown).getByText('导入完成，已写入案件')).toBeTruthy();
    expect(within(shown).getAllByText('12,345').length).toBeGreaterThan(0);
    expect(within(shown).getAllByText('12,340').length).toBeGreaterThan(0);
    expect(within(shown).getByText('第 17 行')).toBeTruthy();
    expect(within(shown).getByText(/交易金额无法解析：“12,3x”/)).toBeTruthy();
    expect(within(shown).getByText('拒收的行（列出前 1 条，共 5 条）：')).toBeTruthy();
    expect(within(shown).getByText('3 行交易时间缺少秒，按 00 秒读取')).toBeTruthy();
    // the reason in the screen's language, not the backend's English sentence
    expect(within(shown).getByText(/无法识别格式（没有内置格式或已保存的模板与其表头相符）/)).toBeTruthy();
    expect(within(shown).queryByText(/format not recognised/)).toBeNull();
    expect(within(shown).getByText('同一笔转账两端（对）')).toBeTruthy();
    expect(within(shown).getByText('余额不连续处')).toBeTruthy();
    // a merge is explained where the import reports it
    expect(within(shown).getByText('手机号记录并入钱包账户').closest('.figure')?.textContent).toContain('2');
    expect(within(shown).getByText(/只作标记，不移动、不删除，可撤销/)).toBeTruthy();
    const quality = within(shown).getByText('重复记录').closest('.figure');
    expect(quality?.textContent).toContain('3');
    expect(within(shown).getByText(/核对了 12,000 行有余额的记录/)).toBeTruthy();
    const hash = within(shown).getByText('aaaaaaaaaaaa…');
    expect(hash.getAttribute('title')).toBe('a'.repeat(12) + 'b'.repeat(52));
    expect(within(shown).getAllByDisplayValue('a'.repeat(12) + 'b'.repeat(52)).length).toBe(1);
    // counts are right-aligned cells
    expect(within(shown).getAllByText('12,340')[0]?.className).toContain('num');
    // one click from the report to the money
    const next = within(shown).getByRole('navigation', { name: '下一步' });
    expect(within(next).getAllByRole('button').map((b) => b.textContent)).toEqual(['查看资金流向图', '检测规则与发现', '浏览交易明细']);
    fireEvent.click(within(next).getByRole('button', { name: '查看资金流向图' }));
    expect(window.location.hash).toBe('#/flow');
  });

  it('on failure shows the translated error code, the message, and that nothing was written', async () => {
    const backend = renderImport({
      'import.inspect': () => ({ files: [inspected('5104614320210702112732/广发银行交易明细信息.csv')] }),
      'import.start': () => ({ jobId: 'job-3' }),
    });
    await addPath('/data/5104614320210702112732');
    fireEvent.click(await screen.findByRole('button', { name: '开始导入' }));
    await screen.findByRole('region', { name: '正在导入' });
    await waitFor(() => expect(backend.calls.some((c) => c.method === 'import.start')).toBe(true));
    await settle();
    act(() =>
      backend.emit('import.finished', {
        jobId: 'job-3', ok: false, report: null, error: { code: 'IMPORT_UNREADABLE', message: '5104614320210702112732/坏文件.xlsx: not a zip file' },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('导入失败：文件无法读取，本次导入未写入任何数据');
    expect(alert.textContent).toContain('坏文件.xlsx: not a zip file');
    expect(screen.getByText(/案件保持导入前的状态/)).toBeTruthy();
    // a typed path is still on disk: it stays chosen for another attempt
    expect(screen.getByRole('table', { name: '识别结果' })).toBeTruthy();
  });

  it('says why import.start was refused (e.g. another import is running)', async () => {
    renderImport({
      'import.inspect': () => ({ files: [inspected('5104614320210702112732/a.csv')] }),
      'import.start': () => {
        throw new AppError('CASE_BUSY', 'An import is running in this case');
      },
    });
    await addPath('/data/5104614320210702112732');
    fireEvent.click(await screen.findByRole('button', { name: '开始导入' }));
    expect(await screen.findByText('案件正在运行导入或检测任务，请等待完成或取消后再操作')).toBeTruthy();
  });
});

describe('import page: column mapping for an unrecognised file', () => {
  it('opens the mapping panel from 设置列映射…, saves the template and re-inspects so the file shows it', async () => {
    let saved = false;
    const templates: MappingTemplate[] = [];
    const unrecognised = inspected('export.csv', {
      status: 'unrecognised',
      problem: 'format not recognised',
      candidates: [],
      preview: [
        ['Account No', 'Value Date', 'Withdrawals', 'Deposits'],
        ['6222020200001234', '2024-03-15 10:30:00', '', '12.00'],
      ],
    });
    const backend = renderImport({
      'import.inspect': () => ({
        files: [
          saved
            ? { ...unrecognised, status: 'ok', problem: null, candidates: [{ format: 'template:英文流水@1', name: '列映射模板“英文流水” v1', confidence: 0.995, reason: '表头 4/4 列与模板一致' }] }
            : unrecognised,
        ],
      }),
      'templates.suggest': () => ({ columnMap: { account: 'Account No', time: 'Value Date', debit: 'Withdrawals', credit: 'Deposits' } }),
      'import.preview': () => ({ rows: [], records: [], errors: [], warnings: [] }),
      'templates.save': (input) => {
        const template: MappingTemplate = {
          id: `template:${input.name}@1`,
          name: input.name,
          kind: 'transactions',
          version: 1,
          createdAt: '2026-01-01T00:00:00Z',
          headerSignature: ['accountno'],
          columnMap: input.columnMap,
          rules: { dateForm: 'auto', amountConvention: 'split', inWords: [], outWords: [], currency: 'CNY', grade: 'official', accountKind: 'bank' },
        };
        templates.push(template);
        saved = true;
        return template;
      },
      'templates.list': () => ({ templates }),
      'formats.list': () => ({ formats: listFormats(templates) }),
    });
    await addPath('/data/export.csv');
    fireEvent.click(await screen.findByRole('button', { name: '设置列映射…' }));
    fireEvent.change(await screen.findByLabelText('模板名称'), { target: { value: '英文流水' } });
    fireEvent.click(screen.getByRole('button', { name: '保存模板' }));
    const table = screen.getByRole('table', { name: '识别结果' });
    expect(await within(table).findByText('列映射模板“英文流水” v1')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '设置列映射…' })).toBeNull();
    expect(backend.calls.filter((c) => c.method === 'import.inspect')).toHaveLength(2);
    // the new template is offered as a format and listed with the saved ones, without reloading the page
    expect(await screen.findByRole('option', { name: '列映射模板“英文流水” v1' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '已保存的列映射模板' })).toBeTruthy();
  });
});
