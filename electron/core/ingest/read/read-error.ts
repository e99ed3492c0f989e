import { AppError } from '@shared/api';

/** A file that cannot be read at all: the whole import job stops and nothing of it is written. */
export function unreadable(file: string, reason: string, line?: number): AppError {
  const where = line === undefined ? file : `${file}, line ${line}`;
  return new AppError('IMPORT_UNREADABLE', `${where}: ${reason}`, line === undefined ? { file } : { file, line });
}
