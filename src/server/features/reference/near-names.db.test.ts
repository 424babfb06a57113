/**
 * Suggestions for names not found exactly keep their quality: only above the similarity threshold, never from
 * another kingdom than the one the input names (its genus, or a product word), and none for cells that say there
 * is no name ("NA" is not a snake). The misspelt epithet still resolves; a name with its author resolves.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { ANONYMOUS } from '../../../shared/actor.ts';
import { withActor } from '../../db/with-actor.ts';
import { resolveTaxonName, withoutAuthor } from './resolve-taxon-name.ts';
import { NEAR_NAME_THRESHOLD } from './taxa-query.repo.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '10000' });
});
after(async () => t?.close());

const resolve = (input: string) => withActor(t.database.db, ANONYMOUS, (tx) => resolveTaxonName(tx, input));

describe('near names', () => {
  test('cells that say there is no name get no suggestion', async () => {
    for (const input of ['NA', 'n/a', 'Unknown', 'inconnu', 'xx']) {
      const result = await resolve(input);
      assert.equal(result.match, null, input);
      assert.deepEqual(result.suggestions, [], input);
    }
  });

  test('a misspelt epithet still resolves, above the threshold', async () => {
    const result = await resolve('Manis javanicus');
    assert.equal(result.match?.taxon.name, 'Manis javanica');
    assert.ok(result.match.score >= NEAR_NAME_THRESHOLD);
  });

  test('names written with their author and year resolve to the name without them', async () => {
    for (const input of [
      'Manis javanica Desmarest, 1822',
      'Manis javanica (Desmarest, 1822)',
      'Manis javanica 1822',
    ]) {
      const result = await resolve(input);
      assert.equal(result.match?.taxon.name, 'Manis javanica', input);
      assert.equal(result.match?.matchKind, 'accepted', input);
    }
    assert.equal(withoutAuthor('Panthera tigris altaica'), 'Panthera tigris altaica');
    assert.equal(withoutAuthor('African Grey Parrot'), 'African Grey Parrot');
    assert.equal(withoutAuthor('Aloe vera L.'), 'Aloe vera');
  });

  test('suggestions never cross kingdoms', async () => {
    const plant = await resolve('Dalbergia nigrx');
    const plantKingdoms = [plant.match, ...plant.suggestions].flatMap((s) => (s ? [s.taxon.kingdom] : []));
    assert.ok(plantKingdoms.length > 0, 'a suggestion for a misspelt rosewood');
    assert.deepEqual([...new Set(plantKingdoms)], ['Plantae']);
    const scales = await resolve('pangolin scales');
    for (const s of [scales.match, ...scales.suggestions])
      if (s) assert.equal(s.taxon.kingdom, 'Animalia', s.taxon.name);
    for (const s of [plant.match, ...plant.suggestions, scales.match, ...scales.suggestions])
      if (s) assert.ok(s.score >= NEAR_NAME_THRESHOLD, `${s.taxon.name} ${s.score}`);
  });
});
