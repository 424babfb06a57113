/**
 * The shipped reference data and the name resolver, through the real database and HTTP API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  codeListSchema,
  countryListSchema,
  taxonDetailSchema,
  taxonSearchResponseSchema,
} from '../../../shared/reference.contract.ts';
import { ANONYMOUS } from '../../../shared/actor.ts';
import { withActor } from '../../db/with-actor.ts';
import { resolveTaxonName } from './resolve-taxon-name.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '10000' });
});
after(async () => t?.close());

const resolve = (input: string) => withActor(t.database.db, ANONYMOUS, (tx) => resolveTaxonName(tx, input));

describe('shipped reference data', () => {
  test('countries carry three names, Party status, and the codes for unknown and high seas', async () => {
    const { items } = countryListSchema.parse((await t.app.inject('/api/v1/reference/countries')).json());
    assert.ok(items.length >= 251);
    const byCode = new Map(items.map((c) => [c.code, c]));
    assert.equal(byCode.get('VN')?.names.en, 'Viet Nam');
    assert.equal(byCode.get('KE')?.isCitesParty, true);
    assert.equal(byCode.get('HK')?.kind, 'territory');
    assert.equal(byCode.get('XX')?.kind, 'special');
    assert.equal(byCode.get('ZZ')?.kind, 'special');
    assert.match(byCode.get('CI')?.names.fr ?? '', /Côte d.Ivoire/);
  });

  test('CITES codes have labels in three languages and units convert to kg, m, m2, m3 or a count', async () => {
    const { items } = codeListSchema.parse((await t.app.inject('/api/v1/reference/codes')).json());
    const find = (kind: string, code: string) => items.find((c) => c.kind === kind && c.code === code);
    assert.equal(find('term', 'TUS')?.labels.en, 'tusks');
    assert.ok(find('term', 'SCA')?.labels.fr);
    assert.deepEqual([find('unit', 'GRM')?.baseUnit, find('unit', 'GRM')?.factor], ['kg', 0.001]);
    assert.deepEqual([find('unit', 'TON')?.baseUnit, find('unit', 'TON')?.factor], ['kg', 1000]);
    assert.equal(find('unit', 'CUM')?.baseUnit, 'm3');
    assert.equal(find('unit', 'SQM')?.baseUnit, 'm2');
    assert.equal(find('unit', 'MTR')?.baseUnit, 'm');
    assert.deepEqual([find('unit', 'PAI')?.baseUnit, find('unit', 'PAI')?.factor], ['count', 2]);
    assert.equal(find('unit', 'BAG')?.baseUnit, null);
    for (const kind of ['purpose', 'source'] as const)
      assert.ok(items.filter((c) => c.kind === kind).length >= 11);
  });

  test('the starter checklist has the commonly seized taxa in a tree', async () => {
    const count = await t.database.db
      .selectFrom('taxa')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(count.n) >= 150);
    const manis = await resolve('Manis');
    const page = taxonSearchResponseSchema.parse(
      (await t.app.inject('/api/v1/reference/taxa?q=Pholidota&limit=50')).json(),
    );
    const names = page.items.map((taxon) => taxon.name);
    assert.equal(names[0], 'Pholidota');
    for (const species of [
      'crassicaudata',
      'culionensis',
      'gigantea',
      'javanica',
      'pentadactyla',
      'temminckii',
      'tetradactyla',
      'tricuspis',
    ]) {
      assert.ok(names.includes(`Manis ${species}`), `Manis ${species} is below Pholidota`);
    }
    assert.equal(manis.match?.taxon.rank, 'GENUS');
  });
});

describe('name resolver', () => {
  test('accepted names in any case and spacing', async () => {
    for (const input of ['Manis javanica', 'manis   JAVANICA', ' Manis javanica ']) {
      const result = await resolve(input);
      assert.equal(result.match?.taxon.name, 'Manis javanica', input);
      assert.equal(result.match?.matchKind, 'accepted');
    }
  });

  test('synonyms lead to the accepted taxon', async () => {
    const result = await resolve('Uncia uncia');
    assert.equal(result.match?.taxon.name, 'Panthera uncia');
    assert.equal(result.match?.matchKind, 'synonym');
    assert.equal(result.match?.matchedName, 'Uncia uncia');
  });

  test('"Genus spp." names the genus', async () => {
    for (const input of ['Dalbergia spp.', 'dalbergia spp', 'Dalbergia sp.']) {
      const result = await resolve(input);
      assert.equal(result.match?.taxon.name, 'Dalbergia', input);
      assert.equal(result.match?.matchKind, 'genus_spp');
    }
  });

  test('higher taxa and common names in three languages', async () => {
    assert.equal((await resolve('Manidae')).match?.taxon.rank, 'FAMILY');
    assert.equal((await resolve('Felidae')).match?.taxon.name, 'Felidae');
    const cheetah = await resolve('cheetah');
    assert.equal(cheetah.match?.taxon.name, 'Acinonyx jubatus');
    assert.equal(cheetah.match?.matchKind, 'common_name');
  });

  test('near misses become ranked suggestions', async () => {
    const result = await resolve('Manis javanicus');
    assert.equal(result.match?.taxon.name, 'Manis javanica');
    assert.equal(result.match?.matchKind, 'near');
    assert.ok(result.match.score < 1);
    const vague = await resolve('Panthera tigres');
    assert.equal(vague.match?.taxon.name ?? vague.suggestions[0]?.taxon.name, 'Panthera tigris');
    const nothing = await resolve('Qwertyuiop asdfgh');
    assert.equal(nothing.match, null);
  });

  test('the taxa API resolves, lists what is below, pages with a cursor and details a taxon', async () => {
    const first = taxonSearchResponseSchema.parse(
      (await t.app.inject('/api/v1/reference/taxa?q=Manis%20javanicus')).json(),
    );
    assert.equal(first.resolution?.match?.taxon.name, 'Manis javanica');
    assert.equal(first.items[0]?.name, 'Manis javanica');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/reference/taxa?limit=40${cursor ? `&cursor=${cursor}` : ''}`;
      const page = taxonSearchResponseSchema.parse((await t.app.inject(url)).json());
      seen.push(...page.items.map((taxon) => taxon.name));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length, 'no taxon twice across pages');
    assert.deepEqual([...seen].sort(), seen, 'sorted by name');

    const id = first.items[0].id;
    const detail = taxonDetailSchema.parse((await t.app.inject(`/api/v1/reference/taxa/${id}`)).json());
    assert.deepEqual(detail.lineage.map((l) => l.name).slice(-3), ['Pholidota', 'Manidae', 'Manis']);
    assert.ok(detail.commonNames.fr.length > 0);
    const missing = await t.app.inject('/api/v1/reference/taxa/999999999');
    assert.equal(missing.statusCode, 404);
    const forged = await t.app.inject('/api/v1/reference/taxa?cursor=not-a-cursor!');
    assert.equal(forged.statusCode, 400);
    assert.equal(forged.json<{ field: string }>().field, 'cursor');
  });
});
