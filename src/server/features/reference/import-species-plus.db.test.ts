/**
 * The Species+ import on the real 2017 export (../shared/realdata): every row accounted for, a second
 * run changes nothing, and a broken file is refused or its bad rows rejected with their row numbers.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ANONYMOUS, systemActor } from '../../../shared/actor.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { realDataFile } from '../../../../test/support/real-data.ts';
import { withActor } from '../../db/with-actor.ts';
import { importSpeciesPlus, SpeciesImportFileError } from './import-species-plus.ts';
import { resolveTaxonName } from './resolve-taxon-name.ts';

const ALL_TAXA_FILE = realDataFile('speciesplus_cites_index_2017_all_taxa.csv');
const ALL_TAXA = ALL_TAXA_FILE ?? '';
const skip = ALL_TAXA_FILE ? false : 'needs ../shared/realdata beside the checkout';

let database: TestDatabase;

const deps = () => ({ db: database.db, actor: systemActor('import test'), clock: () => new Date() });

async function snapshot() {
  const result = await sql<{ taxa: number; names: number; latest: Date | null; lineages: string }>`
    select (select count(*) from taxa) as taxa, (select count(*) from taxon_names) as names,
           (select max(updated_at) from taxa) as latest,
           (select md5(string_agg(lineage::text, ',' order by id)) from taxa) as lineages`.execute(
    database.db,
  );
  return result.rows[0]!;
}

describe('Species+ import', { skip }, () => {
  // Inside the suite, so a skipped suite opens no database.
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database?.close());

  test('imports all 38,079 rows of the 2017 export, each one accounted for', async () => {
    const progress: number[] = [];
    const report = await importSpeciesPlus(
      { ...deps(), onProgress: (done) => progress.push(done) },
      ALL_TAXA,
    );
    assert.equal(report.rowsRead, 38_079);
    assert.deepEqual(report.rejected, []);
    assert.equal(
      report.inserted + report.updated + report.unchanged + report.rejected.length,
      report.rowsRead,
    );
    assert.ok(report.updated > 0, 'the starter taxa were updated from the export');
    assert.ok(progress.length > 10 && progress.at(-1)! > 38_079, 'progress was reported');
    const stored = await sql<{
      n: number;
    }>`select count(*) as n from taxa where speciesplus_id is not null`.execute(database.db);
    assert.equal(Number(stored.rows[0]?.n), 38_079);
    const orphans = await sql<{ n: number }>`
      select count(*) as n from taxa where parent_id is null and rank <> 'KINGDOM'`.execute(database.db);
    assert.equal(Number(orphans.rows[0]?.n), 0, 'every taxon hangs in the tree');
  });

  test('the imported checklist feeds the resolver: names, common names and the tree', async () => {
    await withActor(database.db, ANONYMOUS, async (tx) => {
      const near = await resolveTaxonName(tx, 'Manis javanicus');
      assert.equal(near.match?.taxon.name, 'Manis javanica');
      const english = near.match?.taxon.commonNames.en.map((name) => name.toLowerCase()).sort();
      assert.deepEqual(
        english,
        ['malayan pangolin', 'sunda pangolin'],
        'one entry per name, whatever its case',
      );
      const orchid = await resolveTaxonName(tx, 'paphiopedilum SPP');
      assert.equal(orchid.match?.taxon.name, 'Paphiopedilum');
      assert.equal(orchid.match?.matchKind, 'genus_spp');
    });
    const lineage = await sql<{ names: string }>`
      select string_agg(a.name, ' > ' order by array_position(t.lineage, a.id)) as names
      from taxa t join taxa a on a.id = any(t.lineage) where t.name = 'Manis javanica' group by t.id`.execute(
      database.db,
    );
    assert.equal(
      lineage.rows[0]?.names,
      'Animalia > Chordata > Mammalia > Pholidota > Manidae > Manis > Manis javanica',
    );
    // Pholidota is also an orchid genus: homonyms in different kingdoms stay two taxa.
    const homonyms = await sql<{ kingdom: string; rank: string }>`
      select kingdom, rank from taxa where name = 'Pholidota' order by kingdom`.execute(database.db);
    assert.deepEqual(homonyms.rows, [
      { kingdom: 'Animalia', rank: 'ORDER' },
      { kingdom: 'Plantae', rank: 'GENUS' },
    ]);
  });

  test('running the same file again changes nothing', async () => {
    const before = await snapshot();
    const report = await importSpeciesPlus(deps(), ALL_TAXA);
    assert.equal(report.unchanged, 38_079);
    assert.equal(report.inserted + report.updated + report.impliedTaxaAdded, 0);
    assert.deepEqual(await snapshot(), before);
  });

  test('a file that is not a Species+ export is refused whole', async () => {
    const file = writeTemp('not-species.csv', 'Name,Appendix\nManis javanica,I\n');
    const before = await snapshot();
    await assert.rejects(
      importSpeciesPlus(deps(), file),
      (error: unknown) =>
        error instanceof SpeciesImportFileError &&
        /missing column\(s\) TaxonId, Kingdom, Genus, FullName, RankName/.test(error.message),
    );
    assert.deepEqual(await snapshot(), before);
  });

  test('bad rows are rejected with their row number and reason; good rows still go in', async () => {
    const file = writeTemp(
      'partly-bad.csv',
      [
        'TaxonId,Kingdom,Phylum,Class,Order,Family,Genus,Species,Subspecies,FullName,AuthorYear,RankName,CurrentListing,CitesAccepted',
        '990001,Animalia,Chordata,Mammalia,Pholidota,Manidae,Manis,testensis,,Manis testensis,"Tester, 2026",SPECIES,I,true',
        'abc,Animalia,Chordata,Mammalia,Pholidota,Manidae,Manis,other,,Manis other,,SPECIES,I,true',
        '990003,Animalia,Chordata,Mammalia,Pholidota,Manidae,Manis,x,,Manis x,,TRIBE,I,true',
        '990004,Animalia,Chordata,Mammalia,Pholidota,Manidae,Manis,testensis,,Manis testensis,,SPECIES,I,true',
        '990005,Animalia,Chordata,Mammalia,Pholidota,Manidae,Manis,,,,,SPECIES,I,true',
      ].join('\n'),
    );
    const report = await importSpeciesPlus(deps(), file);
    assert.equal(report.rowsRead, 5);
    assert.equal(report.inserted, 1);
    assert.deepEqual(
      report.rejected.map((r) => r.row),
      [3, 4, 5, 6],
    );
    assert.match(report.rejected[0]!.reason, /TaxonId "abc"/);
    assert.match(report.rejected[1]!.reason, /RankName "TRIBE"/);
    assert.match(report.rejected[2]!.reason, /repeats row 2/);
    assert.match(report.rejected[3]!.reason, /FullName is empty/);
  });
});

function writeTemp(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itd-species-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
