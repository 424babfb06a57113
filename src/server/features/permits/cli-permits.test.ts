/**
 * `itd permits import` and `itd permits mark` as an operator runs them on a fresh embedded data directory: a file
 * with problems exits 1 with the problems as CSV and imports nothing; a CITESEPermit file imports with a summary;
 * marking a permit stolen prints its new status; `itd permits link` relinks every seizure record.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../../config.ts';
import { permitXml } from './permits.test-support.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-cli-permits-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function itd(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(projectRoot(), 'bin', 'itd.mjs'), ...args], {
    cwd: projectRoot(),
    env: { ...process.env, ITD_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('itd permits', () => {
  test('a CSV with problems: exit 1, the problems as CSV, nothing imported', () => {
    const file = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(
      file,
      ['Permit number,Type,Valid until,Species,Quantity', 'KE-1,E,2026-12-31,Aloe ferox,=1+2'].join('\n'),
    );
    const run = itd('permits', 'import', file, '--party', 'KE');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /1 permits \(csv\); nothing imported/);
    const errors = fs.readFileSync(`${file}.errors.csv`, 'utf8');
    assert.match(errors, /row,field,value,message,suggestion/);
    assert.match(errors, /2,quantity,'=1\+2,/, 'formula-safe');
  });

  test('a CITESEPermit file imports, its Party taken from the file; a permit is then marked stolen', () => {
    const file = path.join(dataDir, 'permits.xml');
    fs.writeFileSync(
      file,
      permitXml([{ number: 'KE/CLI/1', lines: [{ species: 'Aloe ferox', quantity: '3' }] }]),
    );
    const run = itd('permits', 'import', file);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /1 permits \(xml\)\n {2}created {5}1/);
    const mark = itd(
      'permits',
      'mark',
      '--country',
      'KE',
      '--number',
      'ke-cli-1',
      '--status',
      'stolen',
      '--on',
      '2026-02-01',
    );
    assert.equal(mark.status, 0, mark.stderr);
    assert.match(mark.stdout, /KE KE\/CLI\/1: stolen on 2026-02-01/);
    const wrong = itd('permits', 'mark', '--country', 'KE', '--number', 'KE/CLI/1', '--status', 'eaten');
    assert.equal(wrong.status, 1);
  });

  test('`itd permits link` matches every seizure record again and says how many', () => {
    const run = itd('permits', 'link');
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /^\d+ records read, \d+ permit numbers linked$/m);
  });
});
