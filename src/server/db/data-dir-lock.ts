/**
 * One process at a time may open a PGlite data directory. The lock is a file naming the owner (process id and
 * host), created exclusively. A lock whose process no longer runs is taken over, and so is one written on another
 * machine (a data directory copied or restored from elsewhere: that process cannot be using this copy); both are
 * said in a clear line rather than refused as "in use".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is in use by process ${pid} on this machine. Stop that server first, ` +
        'or set DATABASE_URL to share a PostgreSQL database between several servers.',
    );
  }
}

interface LockOwner {
  pid: number;
  /** Absent in locks written before hosts were recorded: taken as this machine. */
  host: string | null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null {
  const text = fs.readFileSync(lockPath, 'utf8').trim();
  if (/^\d+$/.test(text)) return { pid: Number(text), host: null };
  try {
    const parsed = JSON.parse(text) as { pid?: unknown; host?: unknown };
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, host: typeof parsed.host === 'string' ? parsed.host : null };
    }
  } catch {
    // An unreadable lock (a half-written file after a crash) holds nothing.
  }
  return null;
}

const stderrNotice = (line: string) => process.stderr.write(`${line}\n`);

export function acquireDataDirLock(
  dataDir: string,
  notice: (line: string) => void = stderrNotice,
  host: string = os.hostname(),
): () => void {
  const lockPath = path.join(dataDir, 'itd.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid, host }), { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner && owner.host !== null && owner.host !== host) {
        notice(
          `The data directory ${dataDir} was last opened by process ${owner.pid} on another machine (${owner.host}); ` +
            'it was copied or restored here, so that lock is left over and is taken over.',
        );
      } else if (owner && owner.pid !== process.pid && isRunning(owner.pid)) {
        throw new DataDirInUseError(dataDir, owner.pid);
      } else if (owner && owner.pid !== process.pid) {
        notice(
          `The data directory ${dataDir} was left locked by process ${owner.pid}, which no longer runs ` +
            '(it did not stop cleanly); the lock is taken over.',
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}
