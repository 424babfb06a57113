/**
 * Row-level security bites: inside withActor a row the policy hides is invisible and an insert the
 * policy forbids fails, while the same statements as the connection's own (super)user succeed.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL / DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ANONYMOUS, systemActor } from '../../shared/actor.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { makeUser, secretariatAdmin } from '../../../test/support/actors.ts';
import { recordAudit } from '../features/audit/audit.service.ts';
import { withActor } from './with-actor.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => database?.close());

const clock = () => new Date();

describe(`withActor and row-level security (${(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL) ? 'postgres' : 'pglite'})`, () => {
  test('runs as app_user with the actor set, and only for the transaction', async () => {
    const user = makeUser();
    const seen = await withActor(
      database.db,
      user,
      async (tx) =>
        (
          await sql<{ role: string; actor: string; org: string }>`
        select current_user as role, app_actor_id()::text as actor, app_actor_org_kind() as org`.execute(tx)
        ).rows[0],
    );
    assert.deepEqual(seen, { role: 'app_user', actor: user.userId, org: 'party' });
    const outside = (
      await sql<{ role: string; actor: string | null }>`
      select current_user as role, app_actor_id()::text as actor`.execute(database.db)
    ).rows[0];
    assert.notEqual(outside?.role, 'app_user');
    assert.equal(outside?.actor, null);
  });

  test('a row the policy hides is invisible inside withActor and visible to the connection user', async () => {
    const writer = makeUser();
    const marker = randomUUID();
    await withActor(database.db, writer, (tx) =>
      recordAudit(tx, { actor: writer, clock }, { action: 'test.hidden_row', targetId: marker }),
    );
    const countAs = async (actor: Parameters<typeof withActor>[1]) =>
      withActor(database.db, actor, async (tx) =>
        Number(
          (
            await sql<{
              n: number;
            }>`select count(*) as n from audit_events where target_id = ${marker}`.execute(tx)
          ).rows[0]?.n,
        ),
      );
    // The audit log is readable by Secretariat admins only (migrations/0002_audit_log.sql).
    assert.equal(await countAs(writer), 0, 'the writer itself may not read the log');
    assert.equal(await countAs(makeUser({ organisationKind: 'iccwc', party: null })), 0);
    assert.equal(await countAs(ANONYMOUS), 0);
    assert.equal(await countAs(secretariatAdmin()), 1);
    const direct = await sql<{
      n: number;
    }>`select count(*) as n from audit_events where target_id = ${marker}`.execute(database.db);
    assert.equal(Number(direct.rows[0]?.n), 1, 'the connection user (owner) bypasses the policy');
  });

  test('an insert the policy forbids fails inside withActor and succeeds for the connection user', async () => {
    const member = makeUser();
    const insertCountry = (code: string) =>
      sql`insert into countries (code, kind, is_cites_party, name_en, name_fr, name_es)
          values (${code}, 'special', false, 'Test', 'Test', 'Test')`;
    // Only the platform's jobs and Secretariat maintainers may change reference data.
    await assert.rejects(
      withActor(database.db, member, (tx) => insertCountry('QM').execute(tx)),
      /row-level security/,
    );
    await assert.rejects(
      withActor(database.db, ANONYMOUS, (tx) => insertCountry('QM').execute(tx)),
      /row-level security/,
    );
    await withActor(database.db, systemActor('test'), (tx) => insertCountry('QN').execute(tx));
    await insertCountry('QM').execute(database.db);
    const codes = await database.db
      .selectFrom('countries')
      .select('code')
      .where('code', 'in', ['QM', 'QN'])
      .execute();
    assert.deepEqual(codes.map((row) => row.code).sort(), ['QM', 'QN']);
  });

  test('nobody can write an audit entry in another actor’s name', async () => {
    const member = makeUser();
    const someoneElse = makeUser();
    await assert.rejects(
      withActor(database.db, member, (tx) =>
        sql`insert into audit_events (seq, occurred_at, actor_kind, actor_id, action, prev_hash, hash)
            values (999999, now(), 'user', ${someoneElse.userId}, 'forged', 'x', 'forged-hash')`.execute(tx),
      ),
      /row-level security/,
    );
  });

  test('only a transaction that says it only reads commits without waiting for the disk', async () => {
    const setting = (options?: { readsOnly: boolean }) =>
      withActor(
        database.db,
        systemActor('test'),
        async (tx) =>
          (await sql<{ value: string }>`select current_setting('synchronous_commit') as value`.execute(tx))
            .rows[0]?.value,
        options,
      );
    assert.equal(await setting(), 'on');
    assert.equal(await setting({ readsOnly: true }), 'off');
    assert.equal(await setting(), 'on', 'the setting ends with its transaction');
  });

  test('a failed transaction leaves nothing behind, including its audit entry', async () => {
    const actor = systemActor('rollback test');
    await assert.rejects(
      withActor(database.db, actor, async (tx) => {
        await recordAudit(tx, { actor, clock }, { action: 'test.rolled_back' });
        throw new Error('boom');
      }),
      /boom/,
    );
    const rows = await database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'test.rolled_back')
      .execute();
    assert.equal(rows.length, 0);
  });
});
