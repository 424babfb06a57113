/**
 * The data directory's lock: a live process on this machine keeps it; a lock left by a process that no longer runs,
 * or written on another machine (a copied or restored data directory), is taken over with a line saying so.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { acquireDataDirLock, DataDirInUseError } from './data-dir-lock.ts';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function dataDirWithLock(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-lock-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'itd.lock'), content);
  return dir;
}

/** A process id that is certainly not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** A live process on this machine that is not this one. */
function liveChild() {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
}

test('a lock written on another machine is taken over, naming that machine, not refused as in use', () => {
  const child = liveChild();
  try {
    // Even a pid that happens to run here means nothing when the lock came from elsewhere.
    const dir = dataDirWithLock(JSON.stringify({ pid: child.pid, host: 'old-server.example' }));
    const notices: string[] = [];
    const release = acquireDataDirLock(dir, (line) => notices.push(line), 'new-server');
    assert.equal(notices.length, 1);
    assert.match(notices[0]!, /process \d+ on another machine \(old-server\.example\)/);
    assert.doesNotMatch(notices[0]!, /in use/);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'itd.lock'), 'utf8')), {
      pid: process.pid,
      host: 'new-server',
    });
    release();
    assert.equal(fs.existsSync(path.join(dir, 'itd.lock')), false);
  } finally {
    child.kill();
  }
});

test('a lock left by a process that no longer runs is taken over with a clear line', async () => {
  const pid = await deadPid();
  const dir = dataDirWithLock(JSON.stringify({ pid, host: os.hostname() }));
  const notices: string[] = [];
  acquireDataDirLock(dir, (line) => notices.push(line))();
  assert.equal(notices.length, 1);
  assert.match(notices[0]!, new RegExp(`process ${pid}, which no longer runs`));
});

test('a lock held by a live process on this machine is refused, old and new lock formats alike', () => {
  const child = liveChild();
  try {
    for (const content of [String(child.pid), JSON.stringify({ pid: child.pid, host: os.hostname() })]) {
      const dir = dataDirWithLock(content);
      assert.throws(
        () => acquireDataDirLock(dir, () => assert.fail('no notice expected')),
        (error: unknown) =>
          error instanceof DataDirInUseError &&
          error.message.includes(`in use by process ${child.pid} on this machine`),
      );
    }
  } finally {
    child.kill();
  }
});

test('an unreadable lock (half-written before a crash) is replaced', () => {
  const dir = dataDirWithLock('{"pid":');
  acquireDataDirLock(dir, () => {})();
});
