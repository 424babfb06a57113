/**
 * `itd import report` as an operator runs it on a fresh embedded data directory: a file with blocking problems
 * exits 1 and writes a formula-safe error CSV without importing anything; the corrected file imports, publishes
 * and prints a summary that adds up.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../../config.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-cli-import-'));
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

const header =
  'Date of seizure,Species,Description of specimen,Quantity,Unit,Country of origin,Additional information';

describe('itd import report', () => {
  test('blocking problems: exit 1, the problems as CSV, nothing imported', () => {
    const file = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(
      file,
      [header, '12/05/2024,Manis javanica,SCA,=1+2,KIL,VN,x', '13/05/2024,Manis javanica,SCA,3,KIL,VN,'].join(
        '\n',
      ),
    );
    const run = itd('import', 'report', file, '--party', 'KE', '--year', '2024');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /2 rows; nothing imported yet/);
    const errors = fs.readFileSync(`${file}.errors.csv`, 'utf8');
    assert.match(errors, /row,column,value,code,severity,message,suggestion/);
    // The value "=1+2" is written so that a spreadsheet shows it as text.
    assert.match(errors, /2,Quantity,'=1\+2,quantity_invalid,blocking/);
  });

  test('a clean file imports, publishes and prints a summary that adds up', () => {
    const file = path.join(dataDir, 'good.csv');
    fs.writeFileSync(
      file,
      [
        header,
        '12/05/2024,Manis javanica,SCA,120,KIL,Viet Nam,',
        '13/05/2024,Loxodonta africana,TUS,4,,TZ,',
        '13/05/2024,Loxodonta africana,TUS,4,,TZ,',
      ].join('\n'),
    );
    const run = itd(
      'import',
      'report',
      file,
      '--party',
      'KE',
      '--year',
      '2024',
      '--share-parties',
      'yes',
      '--publish',
    );
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /3 rows → report [0-9a-f-]{36} \(published\)/);
    assert.match(run.stdout, /imported {4}2/);
    assert.match(run.stdout, /duplicates {2}1/);
    assert.match(run.stdout, /rejected {4}0/);
  });

  test('dates the file does not settle: the command names the question; --date-order answers it', () => {
    const file = path.join(dataDir, 'ambiguous.csv');
    fs.writeFileSync(
      file,
      [header, '02/03/2024,Manis javanica,SCA,7,KIL,VN,', '04/05/2024,Manis javanica,SCA,8,KIL,VN,'].join(
        '\n',
      ),
    );
    const asked = itd('import', 'report', file, '--party', 'KE', '--year', '2024');
    assert.equal(asked.status, 1);
    assert.match(
      asked.stdout,
      /2 rows have dates that read either day\/month or month\/day .*--date-order dmy or --date-order mdy/,
    );
    const answered = itd('import', 'report', file, '--party', 'KE', '--year', '2024', '--date-order', 'mdy');
    assert.equal(answered.status, 0, answered.stderr + answered.stdout);
    assert.match(answered.stdout, /imported {4}2/);
  });

  test('refusals print the API sentence: a trade database extract, a bad --party, a re-import of duplicates only', () => {
    const trade = path.join(dataDir, 'comptab.csv');
    fs.writeFileSync(
      trade,
      'Year,App.,Taxon,Class,Order,Family,Genus,Importer,Exporter,Origin,Importer reported quantity,Exporter reported quantity,Term,Unit,Purpose,Source\n' +
        '1977,II,Manis javanica,Mammalia,Pholidota,Manidae,Manis,FR,GB,XX,,4,skins,,,\n',
    );
    const refused = itd('import', 'report', trade, '--party', 'KE', '--year', '2024');
    assert.equal(refused.status, 1);
    assert.match(
      refused.stderr,
      /The field “file” is not valid: is an extract of the CITES Trade Database .* not a report of seizures/,
    );
    const badParty = itd('import', 'report', trade, '--party', 'Kenya', '--year', '2024');
    assert.equal(badParty.status, 1);
    assert.match(badParty.stderr, /The field “party” is not valid: is not valid/);
    assert.doesNotMatch(badParty.stderr, /validation_failed/);
    // good.csv was imported by the test above: all its rows are duplicates now, and no empty draft is made.
    const again = itd('import', 'report', path.join(dataDir, 'good.csv'), '--party', 'KE', '--year', '2024');
    assert.equal(again.status, 1, again.stdout);
    assert.match(
      again.stderr,
      /has no row that can be imported \(0 rejected, 3 duplicates of 3\); no report was created/,
    );
  });

  test('--profile reads the columns through a named profile and says where each column went', () => {
    const file = path.join(dataDir, 'routes.csv');
    // C4ADS's layout, but not its signature (no "Obfuscation Method"): only the profile's name maps it.
    fs.writeFileSync(
      file,
      [
        'Date,Database,Species,"City, Country",Origin,Destination,Number,Weight (kg),Airline,Seat',
        '25/05/2024,Ivory,,"Nairobi, Kenya",Kenya,China,,8.5,KQ,12A',
      ].join('\n'),
    );
    const unknown = itd('import', 'report', file, '--party', 'KE', '--year', '2024', '--profile', 'nope');
    assert.equal(unknown.status, 1);
    assert.match(
      unknown.stderr,
      /The field “profile” is not valid: names no mapping profile you are offered/,
    );
    const run = itd(
      'import',
      'report',
      file,
      '--party',
      'KE',
      '--year',
      '2024',
      '--profile',
      'c4ads-routes-airport-seizures',
    );
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /Columns read through the profile "c4ads-routes-airport-seizures"/);
    assert.match(run.stdout, /Kept as additional information: Seat/);
    assert.match(run.stdout, /imported {4}1/);
  });
});
