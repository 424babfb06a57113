/**
 * SQL of the demo data: what the database holds already, the reference ids the generator needs, and one demo
 * report with its events. Records go through insertSeizureRecords (the one writer of seizure records). Runs inside
 * the caller's withActor transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { ReportStamp } from '../seizure-records/index.ts';
import { catalogueTaxonNames } from './demo-catalogue.ts';
import type { DemoReportPlan } from './demo-plan.ts';
import type { DemoReference } from './demo-rows.ts';

/** Events of demo reports carry this actor label; it is how demo data is told apart from real reports. */
export const DEMO_ACTOR_LABEL = 'itd demo';
/** Demo accounts have addresses in this reserved domain (RFC 2606: it can never receive mail). */
export const DEMO_EMAIL_DOMAIN = 'demo.itd-platform.invalid';

export interface DatabaseContents {
  records: number;
  demoReports: number;
  otherReports: number;
  demoSeeds: number[];
  /** Accounts that are neither demo accounts nor the first Secretariat admin created at start. */
  realUsers: number;
}

export async function readDatabaseContents(tx: Tx): Promise<DatabaseContents> {
  const reports = await sql<{ demo: string; other: string }>`
    select count(*) filter (where e.report_id is not null) as demo,
           count(*) filter (where e.report_id is null) as other
      from reports r
      left join report_events e
        on e.report_id = r.id and e.kind = 'created' and e.actor_label = ${DEMO_ACTOR_LABEL}`.execute(tx);
  const seeds = await sql<{ seed: string }>`
    select distinct details ->> 'demoSeed' as seed from report_events
     where kind = 'created' and actor_label = ${DEMO_ACTOR_LABEL}`.execute(tx);
  const records = await tx
    .selectFrom('seizure_records')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const users = await tx
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.email', 'users.role', 'organisations.kind'])
    .where('users.email', 'not like', `%@${DEMO_EMAIL_DOMAIN}`)
    .execute();
  // The server creates one Secretariat admin on an empty database; that one account does not make it a real one.
  const bootstrapAdmin = users.length === 1 && users[0]!.role === 'admin' && users[0]!.kind === 'secretariat';
  return {
    records: Number(records.n),
    demoReports: Number(reports.rows[0]!.demo),
    otherReports: Number(reports.rows[0]!.other),
    demoSeeds: seeds.rows.map((row) => Number(row.seed)).filter((seed) => Number.isFinite(seed)),
    realUsers: bootstrapAdmin ? 0 : users.length,
  };
}

/** Taxon ids and appendices of the given checklist names (animals and plants never share these names). */
export async function loadDemoReference(
  tx: Tx,
  names: readonly string[] = catalogueTaxonNames(),
): Promise<DemoReference> {
  const rows = await tx
    .selectFrom('taxa')
    .select(['id', 'name', 'appendix'])
    .where('name', 'in', [...names])
    .execute();
  const taxa = new Map<string, { id: number; appendix: string | null }>();
  for (const row of rows) taxa.set(row.name, { id: Number(row.id), appendix: row.appendix });
  const missing = names.filter((name) => !taxa.has(name));
  if (missing.length > 0)
    throw new Error(`The species checklist lacks ${missing.join(', ')}; run itd migrate.`);
  return { taxa };
}

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/** One demo report with its history (created, submitted, published), as the Party and the Secretariat made it. */
export async function insertDemoReport(tx: Tx, plan: DemoReportPlan, seed: number): Promise<ReportStamp> {
  const createdOn = plan.submittedOn ?? `${plan.year + 1}-02-01`;
  const createdAt = at(createdOn, 8);
  const publishedAt = plan.publishedOn ? at(plan.publishedOn, 14) : null;
  const report = await tx
    .insertInto('reports')
    .values({
      party: plan.party,
      year: plan.year,
      status: plan.status,
      preparing_agency: plan.preparingAgency,
      contributing_agencies: plan.contributingAgencies,
      contact_name: plan.contactName,
      contact_email: plan.contactEmail,
      submitted_on: plan.submittedOn,
      share_parties: plan.shareParties,
      share_iccwc: plan.shareIccwc,
      share_etis: plan.shareEtis,
      created_at: createdAt,
      updated_at: publishedAt ?? createdAt,
      published_at: publishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sharing = { shareParties: plan.shareParties, shareIccwc: plan.shareIccwc, shareEtis: plan.shareEtis };
  const events: { kind: 'created' | 'submitted' | 'published'; occurred_at: Date; details: string }[] = [
    { kind: 'created', occurred_at: createdAt, details: JSON.stringify({ demoSeed: seed, sharing }) },
  ];
  if (plan.submittedOn)
    events.push({ kind: 'submitted', occurred_at: at(plan.submittedOn, 9), details: '{}' });
  if (publishedAt) events.push({ kind: 'published', occurred_at: publishedAt, details: '{}' });
  await tx
    .insertInto('report_events')
    .values(events.map((event) => ({ ...event, report_id: report.id, actor_label: DEMO_ACTOR_LABEL })))
    .execute();
  return {
    id: report.id,
    party: plan.party,
    year: plan.year,
    isPublished: plan.status === 'published',
    ...sharing,
  };
}

/**
 * Fresh planner statistics after a bulk load, so the first queries on the new rows pick good plans. ANALYZE reads
 * no rows back to the caller and needs the tables' owner, so it runs on the platform's own connection, not as
 * app_user in withActor.
 */
export async function analyzeReportTables(db: Kysely<DB>): Promise<void> {
  await sql`analyze reports`.execute(db);
  await sql`analyze seizure_records`.execute(db);
}

/** The id of the user with this address, if there is one (demo accounts are found again by address). */
export async function selectUserIdByEmail(tx: Tx, email: string): Promise<string | undefined> {
  const row = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id;
}

/** Demo accounts sign in with the printed password at once: no forced change of a one-time password. */
export async function setDemoPassword(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: false })
    .where('id', '=', userId)
    .execute();
}
