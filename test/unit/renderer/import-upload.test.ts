// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { uploadFiles } from '../../../renderer/src/app/upload';
import { entriesOfInput } from '../../../renderer/src/features/import/drop-walk';

function answer(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('browser uploads', () => {
  it('lists a file the server refuses and carries on with the rest; roots keep the dropped folder', async () => {
    const fetchMock = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
      const rel = decodeURIComponent((init?.headers as Record<string, string>)['X-Upload-Path'] ?? '');
      if (rel.includes(':')) return Promise.resolve(answer({ ok: false, error: { code: 'BAD_INPUT', message: `Refused upload path "${rel}".` } }));
      return Promise.resolve(answer({ ok: true, value: { batchDir: 'C:\\cases\\a.chainsight\\.staging\\b1', file: `C:\\cases\\a.chainsight\\.staging\\b1\\${rel.replace(/\//g, '\\')}`, size: 1 } }));
    });
    const outcome = await uploadFiles(
      [
        { blob: new Blob(['1']), relPath: '5104614320210702112732/a.csv' },
        { blob: new Blob(['2']), relPath: '5104614320210702112732/b:c.csv' },
        { blob: new Blob(['3']), relPath: 'loose.csv' },
      ],
      { token: 't', fetch: fetchMock, batchId: 'batch-0001' },
    );
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(outcome.failures.map((f) => [f.relPath, f.error.code])).toEqual([['5104614320210702112732/b:c.csv', 'BAD_INPUT']]);
    expect(outcome.roots).toEqual([
      { name: '5104614320210702112732', path: 'C:\\cases\\a.chainsight\\.staging\\b1\\5104614320210702112732', isFolder: true },
      { name: 'loose.csv', path: 'C:\\cases\\a.chainsight\\.staging\\b1\\loose.csv', isFolder: false },
    ]);
  });

  it('stops the whole batch on a refused token', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(answer({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token' } }, 401)));
    await expect(
      uploadFiles([{ blob: new Blob(['1']), relPath: 'a.csv' }, { blob: new Blob(['2']), relPath: 'b.csv' }], { token: null, fetch: fetchMock }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('leaves system litter out of picked folders but keeps a file picked on its own', () => {
    const inFolder = (name: string, rel: string) => {
      const file = new File(['x'], name);
      Object.defineProperty(file, 'webkitRelativePath', { value: rel });
      return file;
    };
    const entries = entriesOfInput([inFolder('a.csv', 'req/a.csv'), inFolder('.DS_Store', 'req/.DS_Store'), inFolder('Thumbs.db', 'req/sub/Thumbs.db'), new File(['y'], '.hidden.csv')]);
    expect(entries.map((e) => e.relPath)).toEqual(['req/a.csv', '.hidden.csv']);
  });
});
