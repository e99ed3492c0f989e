import type { UploadEntry } from '../../app/upload';

/** What a folder walk never offers (the backend's walker skips the same): system litter, lock and hidden files. */
const JUNK = /^(\.ds_store|thumbs\.db|desktop\.ini|~\$.*|\..*)$/i;

/** Inside a dropped folder, junk at any depth is left out; a file the user named on its own is always kept. */
function keep(relPath: string): boolean {
  const parts = relPath.split('/');
  return parts.length < 2 || !parts.slice(1).some((part) => JUNK.test(part));
}

/**
 * The entries of a drop. Call it synchronously inside the drop handler: the browser empties the DataTransfer once
 * the event returns. Without entry support (older engines) the plain file list is used.
 */
export function entriesOfDrop(transfer: DataTransfer): { entries: FileSystemEntry[]; files: File[] } {
  const entries: FileSystemEntry[] = [];
  const items = transfer.items ? [...transfer.items] : [];
  for (const item of items) {
    if (item.kind !== 'file' || typeof item.webkitGetAsEntry !== 'function') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
  }
  return { entries, files: entries.length > 0 ? [] : [...(transfer.files ?? [])] };
}

function isFileEntry(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectoryEntry(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries hands out a folder's children in chunks (100 in Chromium) until it returns none. */
async function childrenOf(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) return all;
    all.push(...chunk);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: UploadEntry[]): Promise<void> {
  const relPath = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (isFileEntry(entry)) {
    if (keep(relPath)) out.push({ blob: await fileOf(entry), relPath });
    return;
  }
  if (!isDirectoryEntry(entry)) return;
  if (prefix && JUNK.test(entry.name)) return;
  const children = await childrenOf(entry);
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) await walk(child, relPath, out);
}

/** Files and whole folders of a drop, each with its path inside the drop ('/'-separated, folder names kept). */
export async function collectDropped(drop: { entries: FileSystemEntry[]; files: File[] }): Promise<UploadEntry[]> {
  const out: UploadEntry[] = [];
  for (const entry of drop.entries) await walk(entry, '', out);
  for (const file of drop.files) out.push({ blob: file, relPath: file.name });
  return out;
}

/** From `<input type=file multiple>` (names only) or `<input webkitdirectory>` (webkitRelativePath keeps the folder). */
export function entriesOfInput(files: FileList | readonly File[]): UploadEntry[] {
  return [...files]
    .map((file) => ({ blob: file, relPath: file.webkitRelativePath || file.name }))
    .filter((entry) => keep(entry.relPath));
}
