/**
 * The explorer API through the HTTP app with signed-in users: every filter, sorting and cursor pages, figures
 * grouped every way, facets, the audit of searches and record views, and the invariance that matters most: a
 * record the caller may not see changes no figure and no facet count.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../../test/support/identity.ts';
import {
  createRecord,
  createRecords,
  createReport,
  taxonByName,
} from '../../../../test/support/seizure-factories.ts';
import {
  seizureFacetsSchema,
  seizurePageSchema,
  seizureStatsSchema,
  type SeizureItem,
} from '../../../shared/seizures.contract.ts';

let t: TestApp;
const clock = testClock();
let ke: ApiClient;
let keUserEmail: string;
const ids: Record<string, number> = {};

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const user = await createTestUser(t.database.db, { kind: 'party', party: 'KE', role: 'member' });
  keUserEmail = user.email;
  ke = await signIn(t.app, clock, user);
  const report = await createReport(t.database.db, { party: 'KE', year: 2022, shareParties: true });
  const [a, b, c, d, e] = await createRecords(t.database.db, report, [
    {
      taxon: 'Manis javanica',
      termCode: 'SCA',
      kg: 10,
      seizureDate: '2021-03-04',
      seizureCountry: 'KE',
      originCountry: 'CN',
      destinationCountry: 'VN',
      locationType: 'airport',
      locationName: 'Jomo Kenyatta International Airport',
      detectionMethod: 'x-ray',
      transportMode: 'air',
    },
    {
      taxon: 'Manis gigantea',
      termCode: 'SCA',
      kg: 5,
      seizureDate: '2022-07-01',
      seizureCountry: 'KE',
      transitCountries: ['AE'],
      offenderNationalities: ['NG'],
      transportMode: 'road',
    },
    {
      taxon: 'Loxodonta africana',
      termCode: 'IVO',
      kg: 120,
      seizureDate: '2020-01-15',
      seizureCountry: 'KE',
      originCountry: 'TZ',
      destinationCountry: 'CN',
      exportCountry: 'KE',
      additionalInfo: 'Tusks hidden in a container of avocados',
      transportMode: 'sea',
    },
    { taxon: 'Manis', termCode: 'SCA', kg: 2, seizureDate: '2021-10-10', seizureCountry: 'KE' },
    { taxon: 'Loxodonta africana', termCode: 'CAR', specimens: 3, seizureCountry: 'KE' },
  ]);
  Object.assign(ids, { a, b, c, d, e });
});
after(async () => {
  await t?.close();
});

async function search(query: string): Promise<SeizureItem[]> {
  const response = await ke.call('GET', `/api/v1/seizures?${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return seizurePageSchema.parse(response.json()).items;
}
const named = (items: SeizureItem[]) =>
  items
    .map((item) => Object.entries(ids).find(([, id]) => id === item.id)?.[0] ?? `other ${item.id}`)
    .sort()
    .join(',');

describe('search filters', () => {
  test('a taxon includes everything below it: Manis, and Pholidota, find every pangolin', async () => {
    const manis = await taxonByName(t.database.db, 'Manis');
    const pholidota = await taxonByName(t.database.db, 'Pholidota');
    const elephant = await taxonByName(t.database.db, 'Loxodonta africana');
    assert.equal(named(await search(`taxon=${manis.id}`)), 'a,b,d');
    assert.equal(named(await search(`taxon=${pholidota.id}`)), 'a,b,d');
    assert.equal(named(await search(`taxon=${elephant.id}`)), 'c,e');
    assert.equal(named(await search(`taxon=${manis.id},${elephant.id}`)), 'a,b,c,d,e');
    // A class spans more taxa than the index is used for (seizure-filters.ts): the same answer, found otherwise.
    const mammals = await taxonByName(t.database.db, 'Mammalia');
    assert.equal(named(await search(`taxon=${mammals.id}`)), 'a,b,c,d,e');
  });

  test('a country in each role, or in any', async () => {
    assert.equal(named(await search('country=CN&countryRole=origin')), 'a');
    assert.equal(named(await search('country=CN&countryRole=destination')), 'c');
    assert.equal(named(await search('country=CN')), 'a,c');
    assert.equal(named(await search('country=KE&countryRole=export')), 'c');
    assert.equal(named(await search('country=AE&countryRole=transit')), 'b');
    assert.equal(named(await search('country=NG&countryRole=nationality')), 'b');
    assert.equal(named(await search('country=NG&countryRole=seizure')), '');
  });

  test('free text, quantity range, years, dates, term, unit, transport, location, ETIS answer', async () => {
    assert.equal(named(await search('q=kenyatta')), 'a');
    assert.equal(named(await search('q=AVOCADO')), 'c');
    assert.equal(named(await search('q=100%25')), '');
    assert.equal(named(await search('quantityMin=3&quantityMax=10')), 'a,b,e');
    assert.equal(named(await search('yearFrom=2021&yearTo=2021')), 'a,d');
    // A record without a date counts in its report's year (2022).
    assert.equal(named(await search('yearFrom=2022')), 'b,e');
    assert.equal(named(await search('dateFrom=2021-01-01&dateTo=2021-12-31')), 'a,d');
    assert.equal(named(await search('term=SCA')), 'a,b,d');
    assert.equal(named(await search('term=IVO,CAR')), 'c,e');
    assert.equal(named(await search('unit=KIL&transportMode=sea')), 'c');
    assert.equal(named(await search('locationType=airport&detectionMethod=x-ray')), 'a');
    assert.equal(named(await search('shareEtis=false')), 'a,b,c,d,e');
    assert.equal(named(await search('shareEtis=true')), '');
    // Loxodonta africana is listed I/II: it matches both.
    assert.equal(named(await search('appendix=I')), 'a,b,c,d,e');
    assert.equal(named(await search('appendix=II')), 'c,e');
  });

  test('sorting and cursor pages: every record once, in order', async () => {
    const seen: SeizureItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await ke.call(
        'GET',
        `/api/v1/seizures?sort=date_desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = seizurePageSchema.parse(response.json());
      if (pages === 0) assert.deepEqual(page.total, { count: 5, isCapped: false });
      else assert.equal(page.total, null);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(
      seen.map((item) => item.id),
      [ids.b, ids.e, ids.d, ids.a, ids.c],
    );
    const heaviest = await search('sort=kg_desc&limit=1');
    assert.equal(heaviest[0]?.id, ids.c);
    const forged = await ke.call('GET', '/api/v1/seizures?cursor=not-a-cursor');
    assert.equal(forged.statusCode, 400);
    const otherSort = await ke.call('GET', `/api/v1/seizures?sort=date_asc&limit=1`);
    const next = seizurePageSchema.parse(otherSort.json()).nextCursor!;
    assert.equal((await ke.call('GET', `/api/v1/seizures?sort=date_desc&cursor=${next}`)).statusCode, 400);
  });
});

async function stats(query: string) {
  const response = await ke.call('GET', `/api/v1/seizures/stats?${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return seizureStatsSchema.parse(response.json());
}

describe('figures', () => {
  test('grouped by year, month, taxon at a rank, term, country in a role and route', async () => {
    const byYear = await stats('groupBy=year');
    assert.deepEqual(
      byYear.groups.map((g) => [g.key, g.count, g.kg, g.specimens]),
      [
        ['2020', 1, 120, 0],
        ['2021', 2, 12, 0],
        ['2022', 2, 5, 3],
      ],
    );
    assert.deepEqual(byYear.total, { count: 5, specimens: 3, kg: 137 });
    const byGenus = await stats('groupBy=taxon&rank=GENUS');
    assert.deepEqual(
      byGenus.groups.map((g) => [g.label, g.count, g.kg]),
      [
        ['Manis', 3, 17],
        ['Loxodonta', 2, 120],
      ],
    );
    const byOrder = await stats('groupBy=taxon&rank=ORDER');
    assert.deepEqual(byOrder.groups.map((g) => [g.label, g.count]).sort(), [
      ['Pholidota', 3],
      ['Proboscidea', 2],
    ]);
    const byMonth = await stats('groupBy=month');
    assert.deepEqual(
      byMonth.groups.map((g) => [g.key, g.count]),
      [
        ['2020-01', 1],
        ['2021-03', 1],
        ['2021-10', 1],
        ['2022-07', 1],
        [null, 1],
      ],
    );
    const byTerm = await stats('groupBy=term');
    assert.deepEqual(byTerm.groups[0], { key: 'SCA', label: null, count: 3, specimens: 0, kg: 17 });
    const byOrigin = await stats('groupBy=country&role=origin');
    assert.deepEqual(
      byOrigin.groups.map((g) => [g.key, g.count]),
      [
        [null, 3],
        ['CN', 1],
        ['TZ', 1],
      ],
    );
    const byTransit = await stats('groupBy=country&role=transit');
    assert.deepEqual(
      byTransit.groups.map((g) => [g.key, g.count]),
      [['AE', 1]],
    );
    assert.equal(byTransit.total.count, 5);
    const routes = await stats('groupBy=route');
    const route = routes.groups.find((g) => g.key === 'TZ>CN');
    assert.deepEqual([route?.from, route?.to, route?.kg], ['TZ', 'CN', 120]);
    const filtered = await stats('groupBy=year&term=SCA&country=CN');
    assert.deepEqual(filtered.total, { count: 1, specimens: 0, kg: 10 });
  });

  test('a record the caller may not see changes no figure and no facet count; one they may see does', async () => {
    const everything = async () => {
      const figures = [];
      for (const query of [
        'groupBy=year',
        'groupBy=month',
        'groupBy=taxon&rank=SPECIES',
        'groupBy=taxon&rank=CLASS',
        'groupBy=term',
        'groupBy=route',
        ...['seizure', 'origin', 'export', 'transit', 'destination', 'nationality'].map(
          (role) => `groupBy=country&role=${role}`,
        ),
      ])
        figures.push(await stats(query));
      const facets = seizureFacetsSchema.parse((await ke.call('GET', '/api/v1/seizures/facets')).json());
      const page = seizurePageSchema.parse((await ke.call('GET', '/api/v1/seizures?limit=100')).json());
      return { figures, facets, total: page.total, items: page.items.map((item) => item.id) };
    };
    const before = await everything();
    assert.equal(before.facets.total, 5);
    assert.deepEqual(before.facets.facets.term, [
      { value: 'SCA', count: 3 },
      { value: 'CAR', count: 1 },
      { value: 'IVO', count: 1 },
    ]);
    const invisible = {
      taxon: 'Manis javanica',
      termCode: 'SCA',
      kg: 999,
      seizureDate: '2021-05-05',
      seizureCountry: 'KE',
      originCountry: 'CN',
      destinationCountry: 'VN',
      transitCountries: ['KE'],
      offenderNationalities: ['KE'],
    };
    // Kenya is concerned by each of these, but TZ did not share, or has not published, or shared only with ICCWC.
    await createRecord(t.database.db, { party: 'TZ', shareParties: false, shareIccwc: true }, invisible);
    await createRecord(t.database.db, { party: 'TZ', status: 'submitted', shareParties: true }, invisible);
    await createRecord(t.database.db, { party: 'TZ', shareParties: false, shareIccwc: false }, invisible);
    assert.deepEqual(await everything(), before);
    // The control: a record Kenya may see moves the figures (so the comparison above can fail).
    await createRecord(t.database.db, { party: 'TZ', shareParties: true }, invisible);
    assert.notDeepEqual(await everything(), before);
  });
});

describe('audit', () => {
  test('each search (filters and result count) and each record view is an audit entry', async () => {
    await search('term=SCA&country=CN&countryRole=origin&q=kenyatta');
    const view = await ke.call('GET', `/api/v1/seizures/${ids.c}`);
    assert.equal(view.statusCode, 200);
    const entries = await sql<{ action: string; target_id: string | null; details: Record<string, unknown> }>`
      select e.action, e.target_id, e.details from audit_events e join users u on u.id = e.actor_id
       where u.email = ${keUserEmail} and e.action in ('seizure.search', 'seizure.view')
       order by e.id desc limit 2`.execute(t.database.db);
    const [viewed, searched] = entries.rows;
    assert.equal(viewed?.action, 'seizure.view');
    assert.equal(viewed?.target_id, String(ids.c));
    assert.equal(searched?.action, 'seizure.search');
    assert.deepEqual(searched?.details.filters, {
      term: ['SCA'],
      country: 'CN',
      countryRole: 'origin',
      q: 'kenyatta',
    });
    assert.equal(searched?.details.resultCount, 1);
    assert.equal(searched?.details.total, 1);
  });
});
