/**
 * Demo data in a real database: 2000 records whose countries, taxa and codes all exist in the reference tables,
 * whose reports' sharing answers are on every record; demo accounts that sign in with the printed password and
 * are not forced to change it; and the refusals that keep demo data away from real data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { signIn, testClock } from '../../../../test/support/identity.ts';
import { systemActor } from '../../../shared/actor.ts';
import { withActor } from '../../db/with-actor.ts';
import { createUserWithPassword } from '../users/create-user.ts';
import {
  DemoRefusedError,
  generateDemoData,
  type DemoOptions,
  type DemoSummary,
} from './generate-demo-data.ts';
import { demoUserSpecs } from './demo-users.ts';

const clock = testClock(Date.parse('2026-11-29T10:00:00Z'));
const password = 'demo-passphrase-for-tests-7';
const options = (overrides: Partial<DemoOptions> = {}): DemoOptions => ({
  records: 2000,
  seed: 7,
  append: false,
  password,
  concurrency: 2,
  clock,
  ...overrides,
});

let t: TestApp;
let summary: DemoSummary;
const system = systemActor('demo test');
const count = async (query: string) =>
  withActor(t.database.db, system, async (tx) =>
    Number((await sql.raw<{ n: string }>(query).execute(tx)).rows[0]!.n),
  );

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const progress: number[] = [];
  summary = await generateDemoData(t.database.db, options({ onProgress: (done) => progress.push(done) }));
  assert.equal(progress.at(-1), 2000);
});
after(async () => t?.close());

describe('itd demo --records 2000', () => {
  test('writes 2000 records in the planned reports', async () => {
    assert.equal(summary.records, 2000);
    assert.equal(await count('select count(*) as n from seizure_records'), 2000);
    assert.equal(await count('select count(*) as n from reports'), summary.reports);
    assert.ok(summary.parties > 100, `${summary.parties} Parties`);
    assert.equal(summary.lastYear, 2025);
    assert.equal(summary.firstYear, 2006);
  });

  test('every country, taxon, term and unit exists in the reference tables', async () => {
    const unknownCountries = await count(`
      select count(*) as n from seizure_records s,
        unnest(array[s.seizure_country, s.origin_country, s.export_country, s.destination_country]
               || s.transit_countries || s.offender_nationalities) as c(code)
       where c.code is not null and not exists (select 1 from countries where countries.code = c.code)`);
    assert.equal(unknownCountries, 0);
    assert.equal(await count('select count(*) as n from seizure_records where taxon_id is null'), 0);
    assert.equal(
      await count(`select count(*) as n from seizure_records s
                    where not exists (select 1 from cites_codes where kind = 'term' and code = s.term_code)
                       or (s.unit_code is not null
                           and not exists (select 1 from cites_codes where kind = 'unit' and code = s.unit_code))`),
      0,
    );
    // The taxon name and appendix are the checklist's (the African elephant's split listing resolved by origin).
    assert.equal(
      await count(`select count(*) as n from seizure_records s join taxa on taxa.id = s.taxon_id
                    where taxa.name <> s.taxon_name
                       or (taxa.name <> 'Loxodonta africana' and taxa.appendix is distinct from s.appendix)`),
      0,
    );
    // Quantities in kg follow the reference factors.
    assert.equal(
      await count(`select count(*) as n from seizure_records s
                     join cites_codes u on u.kind = 'unit' and u.code = s.unit_code and u.base_unit = 'kg'
                    where abs(s.quantity_kg - s.quantity * u.factor) > 0.000001`),
      0,
    );
    // The original row keeps what the Party wrote.
    assert.equal(
      await count(`select count(*) as n from seizure_records where original ->> 'Species' is null`),
      0,
    );
  });

  test("every record carries its report's Party, year, publication and sharing answers", async () => {
    assert.equal(
      await count(`select count(*) as n from seizure_records s join reports r on r.id = s.report_id
                    where s.reporting_party <> r.party or s.report_year <> r.year
                       or s.is_published <> (r.status = 'published') or s.share_parties <> r.share_parties
                       or s.share_iccwc <> r.share_iccwc or s.share_etis <> r.share_etis
                       or s.seizure_country <> r.party or extract(year from s.seizure_date) <> r.year`),
      0,
    );
    assert.ok(
      (await count(`select count(*) as n from seizure_records where is_elephant and share_etis`)) > 0,
    );
    assert.ok(
      (await count(`select count(*) as n from seizure_records where is_elephant and not share_etis`)) > 0,
    );
    assert.ok(
      (await count(`select count(*) as n from reports where not share_iccwc and not share_parties`)) > 0,
    );
    assert.ok((await count(`select count(*) as n from reports where status <> 'published'`)) > 0);
  });

  test('demo accounts sign in with the printed password and are not made to change it', async () => {
    assert.equal(summary.users.length, demoUserSpecs().length);
    assert.ok(summary.users.every((user) => user.created));
    assert.equal(
      await count(`select count(*) as n from users where email like '%@demo.itd-platform.invalid'
                     and not must_change_password`),
      demoUserSpecs().length,
    );
    assert.equal(
      await count(`select count(*) as n from users u join organisations o on o.id = u.organisation_id
                    where o.kind = 'igo' and u.has_itd_access`),
      0,
    );
    const client = await signIn(
      t.app,
      clock,
      { email: 'ke.reporter@demo.itd-platform.invalid', password },
      {
        acceptTerms: false,
      },
    );
    const terms = await client.call('GET', '/api/v1/terms/current');
    const accepted = await client.call('POST', '/api/v1/terms/accept', {
      version: terms.json<{ version: number }>().version,
    });
    assert.equal(accepted.json<{ next: string }>().next, 'done');
    const wrong = await client.call('POST', '/api/v1/auth/sign-in', {
      email: 'ke.member@demo.itd-platform.invalid',
      password: 'not-the-demo-password',
    });
    assert.equal(wrong.statusCode, 401);
  });

  test('refuses to run again, and appends only with a new seed', async () => {
    await assert.rejects(generateDemoData(t.database.db, options()), DemoRefusedError);
    await assert.rejects(
      generateDemoData(t.database.db, options({ append: true })),
      /Seed 7 was used already/,
    );
    const more = await generateDemoData(t.database.db, options({ append: true, seed: 8, records: 150 }));
    assert.equal(more.records, 150);
    assert.ok(
      more.users.every((user) => !user.created),
      'existing demo accounts are kept as they are',
    );
    assert.equal(await count('select count(*) as n from seizure_records'), 2150);
  });
});

describe('demo data never meets real data', () => {
  test('a database with a real account or a real report is refused, and nothing is written', async () => {
    const database = await createTestDatabase();
    try {
      await createUserWithPassword(database.db, {
        email: 'officer@kws.example.org',
        firstName: 'Real',
        lastName: 'Officer',
        organisationName: 'Kenya Wildlife Service',
        organisationKind: 'party',
        party: 'KE',
        authorityType: 'enforcement',
        role: 'reporter',
        itdAccess: true,
      });
      await assert.rejects(generateDemoData(database.db, options({ records: 10 })), /real user account/);
      await withActor(database.db, system, (tx) =>
        tx
          .insertInto('reports')
          .values({ party: 'KE', year: 2024, share_parties: false, share_iccwc: true, share_etis: false })
          .execute(),
      );
      await assert.rejects(generateDemoData(database.db, options({ records: 10 })), /not demo data/);
      const written = await withActor(database.db, system, async (tx) => ({
        records: (await tx.selectFrom('seizure_records').select('id').execute()).length,
        demoUsers: (await tx.selectFrom('users').select('id').where('email', 'like', '%@demo.%').execute())
          .length,
      }));
      assert.deepEqual(written, { records: 0, demoUsers: 0 });
    } finally {
      await database.close();
    }
  });
});
