/**
 * The figures kept ready per audience (migrations/0017) against the same figures computed from the records: for
 * every kind of reader, every grouping, the facets and the total, they must be equal, after records are added,
 * after a report's sharing answers change (records move between audiences), after a correction, and after the
 * deltas are folded. Row-level security shows a reader the figures of their own audience only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import {
  createRecords,
  createReport,
  recordValues,
  type RecordOptions,
} from '../../../../test/support/seizure-factories.ts';
import { systemActor, type UserActor } from '../../../shared/actor.ts';
import type { CountryRole, SeizureFilter, StatsGroup } from '../../../shared/seizures.contract.ts';
import type { TaxonRank } from '../../../shared/reference.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { correctSeizureRecord, stampReportOnRecords } from '../seizure-records/index.ts';
import {
  compactSeizureFigures,
  selectFigureFacets,
  selectFigureGroups,
  selectFigureTotal,
} from './seizure-figures.repo.ts';
import { audienceOf, visibleTo } from './seizures.policy.ts';
import { selectFacets, type GroupRow } from './seizures.repo.ts';
import { selectFigures } from './seizure-stats.repo.ts';

let database: TestDatabase;
const NO_FILTER: SeizureFilter = { countryRole: 'any' };

function reader(
  organisationKind: UserActor['organisationKind'],
  party: string | null,
  role: UserActor['role'],
) {
  const actor: UserActor = {
    kind: 'user',
    userId: '00000000-0000-4000-8000-000000000001',
    label: `${organisationKind} ${party ?? ''} ${role}`,
    organisationId: '00000000-0000-4000-8000-000000000000',
    organisationKind,
    party,
    role,
    hasItdAccess: true,
  };
  return actor;
}

const READERS = [
  reader('secretariat', null, 'member'),
  reader('iccwc', null, 'member'),
  reader('party', 'KE', 'member'),
  reader('party', 'KE', 'focal_point'),
  reader('party', 'CN', 'member'),
  reader('party', 'VN', 'reporter'),
];

const GROUPINGS: { groupBy: StatsGroup; rank: TaxonRank; role: CountryRole }[] = [
  ...(['year', 'month', 'term', 'route'] as const).map((groupBy) => ({
    groupBy,
    rank: 'SPECIES' as const,
    role: 'seizure' as const,
  })),
  ...(['SPECIES', 'GENUS', 'CLASS'] as const).map((rank) => ({
    groupBy: 'taxon' as const,
    rank,
    role: 'seizure' as const,
  })),
  ...(['seizure', 'origin', 'export', 'transit', 'destination', 'nationality'] as const).map((role) => ({
    groupBy: 'country' as const,
    rank: 'SPECIES' as const,
    role,
  })),
];

/** Groups as comparable values: every figure as a number, in key order. */
function normalised(groups: GroupRow[]) {
  return groups
    .map((group) => ({
      key: group.key,
      label: group.label,
      count: Number(group.count),
      specimens: Number(group.specimens ?? 0),
      kg: Number(group.kg ?? 0),
    }))
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));
}

/** Asserts that, for every reader and every grouping, ready figures equal figures from the records. */
async function assertFiguresMatchRecords(moment: string): Promise<void> {
  for (const actor of READERS) {
    const audience = audienceOf(actor);
    assert.ok(audience, actor.label);
    await withActor(database.db, actor, async (tx) => {
      let total = { count: 0, specimens: null as number | null, kg: null as number | null };
      for (const grouping of GROUPINGS) {
        const fromRecords = await selectFigures(tx, visibleTo(actor), {
          ...grouping,
          filter: NO_FILTER,
          top: 500,
        });
        total = fromRecords.total;
        const ready = await selectFigureGroups(tx, audience, { ...grouping, top: 500 });
        assert.deepEqual(
          normalised(ready),
          normalised(fromRecords.groups),
          `${moment}: ${actor.label}, ${grouping.groupBy} ${grouping.rank} ${grouping.role}`,
        );
      }
      const readyTotal = await selectFigureTotal(tx, audience);
      assert.deepEqual(
        [Number(readyTotal.count), Number(readyTotal.specimens ?? 0), Number(readyTotal.kg ?? 0)],
        [Number(total.count), Number(total.specimens ?? 0), Number(total.kg ?? 0)],
        `${moment}: ${actor.label}, total`,
      );
      const facetsOf = (rows: { facet: string; value: string | null; count: number }[]) =>
        rows
          .filter((row) => row.value !== null)
          .map((row) => `${row.facet}=${row.value}:${Number(row.count)}`)
          .sort();
      assert.deepEqual(
        facetsOf(await selectFigureFacets(tx, audience)),
        facetsOf(await selectFacets(tx, visibleTo(actor), NO_FILTER)),
        `${moment}: ${actor.label}, facets`,
      );
    });
  }
}

const SHIPMENTS: RecordOptions[] = [
  {
    taxon: 'Manis javanica',
    termCode: 'SCA',
    kg: 10,
    seizureDate: '2021-03-04',
    seizureCountry: 'KE',
    originCountry: 'CN',
    destinationCountry: 'VN',
    transitCountries: ['AE', 'TZ'],
    offenderNationalities: ['NG'],
    detectionMethod: 'x-ray',
    transportMode: 'air',
    locationType: 'airport',
  },
  {
    taxon: 'Loxodonta africana',
    termCode: 'IVO',
    kg: 120,
    seizureDate: '2020-01-15',
    destinationCountry: 'CN',
  },
  { taxon: 'Loxodonta africana', termCode: 'CAR', specimens: 3, seizureCountry: 'KE' },
  { taxon: 'Manis', termCode: 'SCA', kg: 2, seizureDate: '2021-10-10', datePrecision: 'month' },
  { specimens: 7, seizureCountry: 'VN', originCountry: 'KE', exportCountry: 'TZ' },
];

before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database?.close();
});

describe('figures kept ready per audience', () => {
  let shared: Awaited<ReturnType<typeof createReport>>;
  let firstId = 0;

  test('equal the figures computed from the records, for every reader and grouping', async () => {
    shared = await createReport(database.db, {
      party: 'KE',
      year: 2021,
      shareParties: true,
      shareIccwc: false,
    });
    const ids = await createRecords(database.db, shared, SHIPMENTS);
    firstId = ids[0]!;
    const unshared = await createReport(database.db, { party: 'CN', year: 2021, shareParties: false });
    await createRecords(database.db, unshared, SHIPMENTS.slice(0, 3));
    const draft = await createReport(database.db, { party: 'VN', year: 2022, status: 'draft' });
    await createRecords(database.db, draft, SHIPMENTS.slice(1));
    await assertFiguresMatchRecords('after adding records');
  });

  test('follow a change of sharing answers and a correction, before and after folding', async () => {
    await withActor(database.db, systemActor('test'), async (tx) => {
      await stampReportOnRecords(tx, { ...shared, shareParties: false, shareIccwc: true });
      const values = await recordValues(database.db, { ...SHIPMENTS[0], seizureCountry: 'TZ', kg: 11 });
      await correctSeizureRecord(tx, firstId, { values, reason: 'test', actorId: null, actorLabel: 'test' });
    });
    await assertFiguresMatchRecords('after changes');
    await withActor(database.db, systemActor('test'), compactSeizureFigures);
    const rows = await sql<{ n: number }>`select count(*)::int as n from seizure_figures
      group by audience, dimension, key having count(*) > 1`.execute(database.db);
    assert.equal(rows.rows.length, 0, 'folding leaves one row per audience, dimension and value');
    await assertFiguresMatchRecords('after folding');
  });

  test('a reader sees the figures of their own audience only', async () => {
    const seen = await withActor(database.db, reader('party', 'KE', 'member'), (tx) =>
      sql<{ audience: string }>`select distinct audience from seizure_figures`.execute(tx),
    );
    assert.deepEqual(
      seen.rows.map((row) => row.audience),
      ['reader:KE'],
    );
    const igo = await withActor(database.db, reader('igo', null, 'member'), (tx) =>
      sql<{ n: number }>`select count(*)::int as n from seizure_figures`.execute(tx),
    );
    assert.equal(igo.rows[0]?.n, 0);
  });
});
