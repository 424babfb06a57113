/** The explorer's URL state: parsed with the contract, one bad value dropping only itself, and written back. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultMapRole,
  filterToQuery,
  hasFilters,
  parseExplorerView,
  viewToParams,
} from './explorer-url.ts';
import { alpha2OfShape } from './iso-numeric.ts';
import { joinList, splitList } from '../../../shared/seizures.contract.ts';
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

test('free text, date and quantity ranges and the record-value filters survive a bookmark', () => {
  const view = parseExplorerView(
    new URLSearchParams(
      'q=+cashew+nuts+&dateFrom=2020-01-01&dateTo=2021-06-30&quantityMin=1.5&quantityMax=400' +
        '&detectionMethod=X-ray+%2F+scanner&detectionMethod=Detector+dog' +
        '&transportMode=Sea+(container)&locationType=Seaport',
    ),
  );
  assert.deepEqual(view.rejected, []);
  assert.equal(view.filter.q, 'cashew nuts', 'the free text is trimmed');
  assert.equal(view.filter.dateFrom, '2020-01-01');
  assert.equal(view.filter.dateTo, '2021-06-30');
  assert.equal(view.filter.quantityMin, 1.5);
  assert.equal(view.filter.quantityMax, 400);
  assert.deepEqual(view.filter.detectionMethod, ['X-ray / scanner', 'Detector dog'], 'repeated keys');
  assert.deepEqual(view.filter.transportMode, ['Sea (container)']);
  assert.deepEqual(view.filter.locationType, ['Seaport']);

  const written = viewToParams(view);
  assert.equal(written.get('q'), 'cashew nuts');
  assert.equal(
    written.get('detectionMethod'),
    'X-ray / scanner,Detector dog',
    'lists are written comma-separated',
  );
  assert.equal(written.get('quantityMin'), '1.5');
  assert.equal(written.get('dateTo'), '2021-06-30');
  assert.deepEqual(parseExplorerView(written), view, 'written back and read again, nothing changes');
  assert.equal(hasFilters({ countryRole: 'any', q: 'cashew' }), true);
});

test('bad typed values are dropped and named', () => {
  const view = parseExplorerView(
    new URLSearchParams('q=x&dateFrom=1%2F2%2F2020&dateTo=2021-06-30&quantityMin=-2&quantityMax=many'),
  );
  assert.equal(view.filter.q, undefined, 'one character is not a search');
  assert.equal(view.filter.dateTo, '2021-06-30', 'the good filter stays');
  assert.deepEqual(view.rejected.sort(), ['dateFrom', 'q', 'quantityMax', 'quantityMin']);
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

test('values with commas and backslashes survive the URL and the API query', () => {
  const transportMode = ['Sea, container', 'Road', 'a\\b'];
  const view = parseExplorerView(
    viewToParams({
      filter: { countryRole: 'any', transportMode },
      sort: 'date_desc',
      mapRole: null,
      recordId: null,
    }),
  );
  assert.deepEqual(view.filter.transportMode, transportMode);
  assert.deepEqual(view.rejected, []);
  assert.deepEqual(splitList(joinList(transportMode)), transportMode);
  assert.equal(filterToQuery(view.filter).transportMode, 'Sea\\, container,Road,a\\\\b');
});
