import type { InspectedFile } from '@shared/domain';
import type { SelectionItem } from './import-session';

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** A file named on its own (not found inside a chosen folder): it must import, or the whole job fails. */
export function isExplicit(file: InspectedFile): boolean {
  return !file.file.includes('/');
}

export type Blocker =
  | { kind: 'inspectFailed'; item: SelectionItem }
  | { kind: 'unreadable'; file: InspectedFile }
  | { kind: 'unrecognisedExplicit'; file: InspectedFile };

export interface ImportPlan {
  /** every chosen file has been looked at */
  inspected: boolean;
  files: InspectedFile[];
  /** files the import will read (recognised, or the one file with a chosen format) */
  importable: number;
  /** files inside chosen folders that no format recognises: skipped and listed in the report */
  skippedInFolders: number;
  /** reasons the job would fail as a whole (ARCHITECTURE.md §5.6): shown before, not after */
  blockers: Blocker[];
  /** one file named on its own: the backend applies a chosen format to exactly such files */
  overrideAllowed: boolean;
}

/** What 开始导入 would do with the current selection, decided before anything is written. */
export function planImport(items: readonly SelectionItem[], formatId: string): ImportPlan {
  const files: InspectedFile[] = [];
  const blockers: Blocker[] = [];
  let inspected = true;
  for (const item of items) {
    if (item.inspection.status === 'pending') inspected = false;
    else if (item.inspection.status === 'failed') blockers.push({ kind: 'inspectFailed', item });
    else files.push(...item.inspection.files);
  }
  const single = items.length === 1 && files.length === 1 && files[0] !== undefined && isExplicit(files[0]);
  const overrideAllowed = inspected && single;
  const forced = overrideAllowed && formatId !== '';
  let importable = 0;
  let skippedInFolders = 0;
  for (const file of files) {
    if (file.status === 'unreadable') blockers.push({ kind: 'unreadable', file });
    else if (file.status === 'ok' || forced) importable += 1;
    else if (isExplicit(file)) blockers.push({ kind: 'unrecognisedExplicit', file });
    else skippedInFolders += 1;
  }
  return { inspected, files, importable, skippedInFolders, blockers, overrideAllowed };
}
