import { describe, expect, it, vi } from 'vitest';
import { AppError, methods, type MethodName } from '@shared/api';
import { createRouter, type CallContext, type Handlers } from '../../../electron/core/api/router';

function fakeHandlers(overrides: Partial<Handlers>): Handlers {
  const notCalled = () => {
    throw new Error('not called in this test');
  };
  const all = Object.fromEntries(Object.keys(methods).map((name) => [name, notCalled])) as unknown as Handlers;
  return { ...all, ...overrides };
}

function context(canWrite = true): CallContext & { audited: [string, unknown][] } {
  const audited: [string, unknown][] = [];
  return {
    audited,
    assertCanWrite: () => {
      if (!canWrite) throw new AppError('NO_CASE_OPEN', 'No case is open');
    },
    audit: (action, params) => audited.push([action, params]),
  };
}

const meta = { caseNumber: 'A1', caseName: 'N', cause: '', unit: '', handler: '', createdAt: '2025-01-01T00:00:00.000Z', timeZone: 'Asia/Shanghai' };
const info = { caseDir: '/x.chainsight', meta, schemaVersion: 1, readOnly: false, lock: null };

describe('router', () => {
  it('answers an unknown method and bad input with stable codes, without calling anything', async () => {
    const ctx = context();
    const dispatch = createRouter(fakeHandlers({}), ctx);
    expect(await dispatch('cases.destroyEverything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const bad = await dispatch('cases.open', { caseDir: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.stringify(bad)).toContain('caseDir');
    expect(await dispatch('app.info', { extra: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(ctx.audited).toEqual([]);
  });

  it('audits a successful write with its parameters, and a failed write attempt with the error', async () => {
    const ctx = context();
    const update = vi.fn().mockReturnValueOnce(info).mockImplementationOnce(() => {
      throw new AppError('BAD_INPUT', 'Unknown time zone');
    });
    const dispatch = createRouter(fakeHandlers({ 'cases.updateMeta': update }), ctx);
    expect(await dispatch('cases.updateMeta', { caseName: '新名称' })).toEqual({ ok: true, value: info });
    expect(await dispatch('cases.updateMeta', { timeZone: 'Mars/Base' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(ctx.audited).toEqual([
      ['cases.updateMeta', { caseName: '新名称' }],
      ['cases.updateMeta.failed', { input: { timeZone: 'Mars/Base' }, error: 'BAD_INPUT', message: 'Unknown time zone' }],
    ]);
  });

  it('refuses a write when no case is open, before the handler runs', async () => {
    const update = vi.fn();
    const dispatch = createRouter(fakeHandlers({ 'cases.updateMeta': update }), context(false));
    expect(await dispatch('cases.updateMeta', { caseName: 'x' })).toMatchObject({ ok: false, error: { code: 'NO_CASE_OPEN' } });
    expect(update).not.toHaveBeenCalled();
  });

  it('turns a handler crash into INTERNAL and output outside the contract into INTERNAL', async () => {
    const dispatch = createRouter(
      fakeHandlers({
        'cases.current': () => {
          throw new TypeError('boom');
        },
        'audit.verify': () => ({ ok: 'yes' }) as never,
      }),
      context(),
    );
    expect(await dispatch('cases.current', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    expect(await dispatch('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('declares every write method as audited: the contract lists which methods change a case', () => {
    const writes = (Object.keys(methods) as MethodName[]).filter((name) => methods[name].kind === 'write');
    expect(writes).toContain('cases.updateMeta');
  });
});
