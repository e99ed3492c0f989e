import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@shared/api';
import type { LockHolder } from '@shared/domain';

export const LOCK_FILE = 'case.lock';

const HOST_NAMES: Record<LockHolder['host'], string> = {
  electron: 'the Chainsight app',
  serve: 'chainsight serve',
  cli: 'the chainsight command line',
};

export function describeHolder(holder: LockHolder): string {
  return `${HOST_NAMES[holder.host]} (pid ${holder.pid} on ${holder.hostname}, operator ${holder.operator}, since ${holder.since})`;
}

/**
 * One writer per case: a lock file created with O_EXCL. A lock left by a process that died on this machine is
 * taken over; any other holder makes the second writer fail with a message that names it.
 */
export class CaseLock {
  private constructor(
    private readonly file: string,
    readonly holder: LockHolder,
  ) {}

  static acquire(caseDir: string, holder: Omit<LockHolder, 'pid' | 'hostname' | 'since'>): CaseLock {
    const file = join(caseDir, LOCK_FILE);
    const full: LockHolder = { ...holder, pid: process.pid, hostname: hostname(), since: new Date().toISOString() };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(file, 'wx');
        try {
          writeSync(fd, JSON.stringify(full));
        } finally {
          closeSync(fd);
        }
        return new CaseLock(file, full);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const current = readHolder(caseDir);
        if (current !== null && !isStale(current)) {
          throw new AppError('CASE_LOCKED', `The case is open in ${describeHolder(current)}. Close it there first.`, {
            details: { host: current.host, pid: current.pid, hostname: current.hostname, operator: current.operator, since: current.since },
          });
        }
        rmSync(file, { force: true });
      }
    }
    throw new AppError('CASE_LOCKED', `Could not take the writer lock on ${caseDir}.`);
  }

  /** Remove the lock if it is still ours. */
  release(): void {
    const current = readLockFile(this.file);
    if (current !== null && current.pid === this.holder.pid && current.since === this.holder.since) {
      rmSync(this.file, { force: true });
    }
  }
}

export function readHolder(caseDir: string): LockHolder | null {
  return readLockFile(join(caseDir, LOCK_FILE));
}

function readLockFile(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string' || typeof parsed.host !== 'string') return null;
    return {
      host: parsed.host,
      pid: parsed.pid,
      hostname: parsed.hostname,
      operator: typeof parsed.operator === 'string' ? parsed.operator : '',
      since: typeof parsed.since === 'string' ? parsed.since : '',
    };
  } catch {
    return null;
  }
}

/** A holder on this machine whose process is gone (a crash) no longer holds the case. */
function isStale(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
