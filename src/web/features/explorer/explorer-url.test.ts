/** The explorer's URL state: parsed with the contract, one bad value dropping only itself, and written back. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMapRole, filterToQuery, parseExplorerView, viewToParams } from './explorer-url.ts';
import { alpha2OfShape } from './iso-numeric.ts';
import { classBounds, colourOf, MAP_CLASS_COLOURS, MAP_NO_DATA_COLOUR } from './world-map.tsx';

test('a shared URL gives back the same view', () => {
  const params = new URLSearchParams(
    'taxon=1234&country=ke&countryRole=origin&yearFrom=2019&term=SCA,TUS&mapRole=destination&record=42&sort=kg_desc',
  );
  const view = parseExplorerView(params);
  assert.deepEqual(view.rejected, []);
  assert.deepEqual(view.filter.taxon, [1234]);
  assert.equal(view.filter.country, 'KE', 'country codes are normalised to upper case');
  assert.equal(view.filter.countryRole, 'origin');
  assert.equal(view.filter.yearFrom, 2019);
  assert.deepEqual(view.filter.term, ['SCA', 'TUS']);
  assert.equal(view.mapRole, 'destination');
  assert.equal(view.recordId, 42);
  assert.equal(view.sort, 'kg_desc');
  assert.deepEqual(
    parseExplorerView(viewToParams(view)),
    view,
    'written back and read again, nothing changes',
  );
});

test('a bad value drops only its own filter and is named', () => {
  const view = parseExplorerView(
    new URLSearchParams('taxon=1234&yearFrom=nineteen&country=Kenya&appendix=IV&sort=best&record=x'),
  );
  assert.deepEqual(view.filter.taxon, [1234], 'the good filter stays');
  assert.equal(view.filter.yearFrom, undefined);
  assert.equal(view.filter.country, undefined);
  assert.equal(view.filter.appendix, undefined);
  assert.equal(view.sort, 'date_desc');
  assert.equal(view.recordId, null);
  assert.deepEqual(view.rejected.sort(), ['appendix', 'country', 'record', 'sort', 'yearFrom']);
});

test('the role without a country and the default role are left out of the API query', () => {
  assert.deepEqual(filterToQuery({ countryRole: 'origin' }), {});
  assert.deepEqual(filterToQuery({ countryRole: 'any', country: 'KE' }), { country: 'KE' });
  assert.deepEqual(filterToQuery({ countryRole: 'transit', country: 'KE', taxon: [1, 2] }), {
    country: 'KE',
    countryRole: 'transit',
    taxon: '1,2',
  });
});

test('the map follows the filter role until another is chosen', () => {
  assert.equal(defaultMapRole({ countryRole: 'any' }), 'seizure');
  assert.equal(defaultMapRole({ countryRole: 'origin', country: 'KE' }), 'origin');
  const view = parseExplorerView(new URLSearchParams('country=KE&countryRole=origin'));
  assert.equal(view.mapRole, null);
  assert.equal(
    viewToParams({ ...view, mapRole: 'origin' }).has('mapRole'),
    false,
    'the default is not written',
  );
});

test('map classes: geometric bounds up to the maximum, no data in grey', () => {
  assert.deepEqual(classBounds(0), []);
  assert.deepEqual(classBounds(1), [1]);
  assert.deepEqual(classBounds(100_000), [10, 100, 1000, 10_000, 100_000]);
  const bounds = classBounds(100_000);
  assert.equal(colourOf(0, bounds), MAP_NO_DATA_COLOUR);
  assert.equal(colourOf(1, bounds), MAP_CLASS_COLOURS[0]);
  assert.equal(colourOf(100_000, bounds), MAP_CLASS_COLOURS[4]);
  // With fewer classes than colours, the darkest colours are used, so the largest count is always the darkest.
  assert.equal(colourOf(2, classBounds(2)), MAP_CLASS_COLOURS[4]);
});

test('atlas shapes map to alpha-2 codes', () => {
  assert.equal(alpha2OfShape('404', 'Kenya'), 'KE');
  assert.equal(alpha2OfShape('156', 'China'), 'CN');
  assert.equal(alpha2OfShape(undefined, 'Somaliland'), 'SO');
  assert.equal(alpha2OfShape(undefined, 'Kosovo'), null);
});
