// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@shared/api';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

type ModuleExports = Record<string, object>;
const zhModules = import.meta.glob<ModuleExports>('../../../renderer/src/i18n/zh-CN/*.ts', { eager: true });
const enModules = import.meta.glob<ModuleExports>('../../../renderer/src/i18n/en/*.ts', { eager: true });

/** file name → the top-level blocks its exported tree holds */
function blocksByModule(modules: Record<string, ModuleExports>): Map<string, string[]> {
  return new Map(Object.entries(modules).map(([path, exports]) => [path.slice(path.lastIndexOf('/') + 1), Object.values(exports).flatMap((tree) => Object.keys(tree))]));
}

function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) for (const [k, v] of leaves(value as object, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

describe('translations', () => {
  const zh = leaves(zhCN);
  const english = leaves(en);

  it('zh-CN and en have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('keeps each block in exactly one feature module, split the same way in both languages', () => {
    const zhBlocks = blocksByModule(zhModules);
    expect(zhBlocks.size).toBeGreaterThan(1);
    expect(blocksByModule(enModules)).toEqual(zhBlocks);
    // a block in two modules would be silently overwritten by the later spread; a module left out would lose its strings
    expect([...zhBlocks.values()].flat().sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('every string is non-empty in both languages', () => {
    for (const [key, value] of [...zh, ...english]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim().length, key).toBeGreaterThan(0);
    }
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zh) expect(placeholders(english.get(key)), key).toEqual(placeholders(value));
  });

  it('translates every stable error code', () => {
    for (const code of ERROR_CODES) {
      expect(zh.has(`errors.${code}`), code).toBe(true);
      expect(english.has(`errors.${code}`), code).toBe(true);
    }
  });

  it('names the navigation in the investigators’ words', () => {
    expect(Object.values(zhCN.nav).slice(1)).toEqual([
      '案件概览', '导入', '交易', '聊天', '时间线', '资金流向', '人员关系', '发现', '标签与证据包', '审计',
    ]);
  });
});
