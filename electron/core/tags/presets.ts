import type { Db } from '../db/connection';

export interface TypologyPreset {
  /** stable across cases and versions: links, scripts and bundles refer to it; never reuse or renumber one */
  id: number;
  name: string;
  nameEn: string;
  color: string;
}

/**
 * The typologies of the 2025 crackdown (DOMAIN.md §3), created in every case on first use. Free tags are numbered
 * from {@link FIRST_FREE_TAG_ID}, so presets added later still get the ids listed here.
 */
export const TYPOLOGY_PRESETS: readonly TypologyPreset[] = [
  { id: 1, name: '代理退保', nameEn: 'Surrender-refund agent', color: '#c2410c' },
  { id: 2, name: '反催收/停息挂账', nameEn: 'Anti-collection / interest freeze', color: '#b45309' },
  { id: 3, name: '贷款中介', nameEn: 'Illegal loan intermediary', color: '#a16207' },
  { id: 4, name: '恶意逃废债', nameEn: 'Malicious debt evasion', color: '#be123c' },
  { id: 5, name: '信用卡套现', nameEn: 'Credit-card cash-out', color: '#7c3aed' },
  { id: 6, name: '保险诈骗', nameEn: 'Insurance fraud', color: '#b91c1c' },
  { id: 7, name: '代理理赔', nameEn: 'Claims brokering', color: '#9d174d' },
  { id: 8, name: '虚假诉讼', nameEn: 'False litigation', color: '#4d7c0f' },
  { id: 9, name: '职业背债', nameEn: 'Professional debt-bearer', color: '#0f766e' },
  { id: 10, name: '伪造证明材料', nameEn: 'Forged supporting documents', color: '#1d4ed8' },
];

/** Free tags start here; the ids below belong to typology presets, present or future. */
export const FIRST_FREE_TAG_ID = 100;

/** Colours offered to free tags, taken in turn when the investigator picks none. */
export const FREE_TAG_COLORS: readonly string[] = ['#2563eb', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#65a30d', '#db2777', '#4b5563'];

export const PRESET_CREATOR = '链察（预置）';

const presetById = new Map(TYPOLOGY_PRESETS.map((preset) => [preset.id, preset]));

export function presetOf(tagId: number): TypologyPreset | undefined {
  return presetById.get(tagId);
}

/**
 * Create the typology presets the case does not have yet (the first time tags are used). A read-only case gets
 * none written; callers list the missing ones as they would be. Returns how many were added.
 */
export function ensurePresets(db: Db): number {
  if (db.readonly) return 0;
  const present = new Set((db.prepare('SELECT id FROM tag WHERE id < ?').pluck().all(FIRST_FREE_TAG_ID) as number[]));
  const missing = TYPOLOGY_PRESETS.filter((preset) => !present.has(preset.id));
  if (missing.length === 0) return 0;
  const insert = db.prepare("INSERT OR IGNORE INTO tag (id, name, kind, color, created_at, created_by) VALUES (?, ?, 'typology', ?, ?, ?)");
  const at = new Date().toISOString();
  let added = 0;
  db.transaction(() => {
    for (const preset of missing) added += insert.run(preset.id, preset.name, preset.color, at, PRESET_CREATOR).changes;
  })();
  return added;
}
