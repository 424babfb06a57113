/**
 * Seizure data for tests: a report with the Party, status and sharing answers a test needs, and records with the
 * countries, taxon, term and quantities it needs. Rows go in through the one records writer
 * (insertSeizureRecords) as the system actor, so they are exactly what an import would store.
 *
 *   const report = await createReport(db, { party: 'KE', status: 'published', shareParties: true });
 *   const [id] = await createRecords(db, report, [{ taxon: 'Manis javanica', seizureCountry: 'KE', kg: 12 }]);
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.ts';
import type { ReportStatus } from '../../src/server/db/schema-reports.ts';
import { withActor } from '../../src/server/db/with-actor.ts';
import {
  insertSeizureRecords,
  type NewSeizureRecord,
  type ReportStamp,
  type SeizureValues,
} from '../../src/server/features/seizure-records/index.ts';
import { systemActor } from '../../src/shared/actor.ts';

const SYSTEM = systemActor('test factory');

export interface ReportOptions {
  party?: string;
  year?: number;
  status?: ReportStatus;
  shareParties?: boolean;
  shareIccwc?: boolean;
  shareEtis?: boolean;
}

/** A report (default: Kenya, 2022, published, shared with Parties and ICCWC, not with ETIS). */
export async function createReport(db: Kysely<DB>, options: ReportOptions = {}): Promise<ReportStamp> {
  const status = options.status ?? 'published';
  const report = {
    party: options.party ?? 'KE',
    year: options.year ?? 2022,
    shareParties: options.shareParties ?? true,
    shareIccwc: options.shareIccwc ?? true,
    shareEtis: options.shareEtis ?? false,
  };
  const row = await withActor(db, SYSTEM, (tx) =>
    tx
      .insertInto('reports')
      .values({
        party: report.party,
        year: report.year,
        status,
        share_parties: report.shareParties,
        share_iccwc: report.shareIccwc,
        share_etis: report.shareEtis,
        published_at: status === 'published' ? new Date().toISOString() : null,
        preparing_agency: 'Test agency',
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return { id: row.id, ...report, isPublished: status === 'published' };
}

/** One record's values; everything not given is empty. `taxon` is a scientific name looked up in the seeded taxa. */
export interface RecordOptions extends Partial<
  Omit<SeizureValues, 'taxonId' | 'quantityKg' | 'quantityCount'>
> {
  taxon?: string;
  /** Weight in kg: sets quantity, unit KIL and quantityKg unless those are given. */
  kg?: number;
  /** Number of specimens: sets quantity and quantityCount (no unit) unless those are given. */
  specimens?: number;
  original?: Record<string, string>;
}

const taxonCache = new WeakMap<Kysely<DB>, Map<string, { id: number; appendix: string | null }>>();

/** The seeded animal taxon of that name (throws when the seed has no such name). */
export async function taxonByName(
  db: Kysely<DB>,
  name: string,
): Promise<{ id: number; appendix: string | null }> {
  let cache = taxonCache.get(db);
  if (!cache) {
    cache = new Map<string, { id: number; appendix: string | null }>();
    taxonCache.set(db, cache);
  }
  const known = cache.get(name);
  if (known) return known;
  const row = await db
    .selectFrom('taxa')
    .select(['id', 'appendix'])
    .where('name', '=', name)
    .orderBy(sql`kingdom = 'Animalia'`, 'desc')
    .executeTakeFirst();
  if (!row) throw new Error(`No seeded taxon named ${name}`);
  const found = { id: Number(row.id), appendix: row.appendix };
  cache.set(name, found);
  return found;
}

export async function recordValues(db: Kysely<DB>, options: RecordOptions): Promise<SeizureValues> {
  const taxon = options.taxon ? await taxonByName(db, options.taxon) : null;
  const quantity = options.quantity ?? options.kg ?? options.specimens ?? null;
  return {
    seizureDate: options.seizureDate ?? null,
    datePrecision: options.datePrecision ?? (options.seizureDate ? 'day' : null),
    seizingAgency: options.seizingAgency ?? null,
    taxonId: taxon?.id ?? null,
    taxonName: options.taxonName ?? options.taxon ?? null,
    appendix: options.appendix ?? taxon?.appendix ?? null,
    termCode: options.termCode ?? null,
    quantity,
    unitCode: options.unitCode ?? (options.kg !== undefined ? 'KIL' : null),
    quantityKg: options.kg ?? null,
    quantityCount: options.specimens ?? null,
    reason: options.reason ?? null,
    locationType: options.locationType ?? null,
    locationName: options.locationName ?? null,
    detectionMethod: options.detectionMethod ?? null,
    transportMode: options.transportMode ?? null,
    seizureCountry: options.seizureCountry ?? null,
    originCountry: options.originCountry ?? null,
    exportCountry: options.exportCountry ?? null,
    transitCountries: options.transitCountries ?? [],
    destinationCountry: options.destinationCountry ?? null,
    offenderNationalities: options.offenderNationalities ?? [],
    additionalInfo: options.additionalInfo ?? null,
    isElephant: options.isElephant ?? false,
  };
}

/** Records in the report, in order; returns their ids. */
export async function createRecords(
  db: Kysely<DB>,
  report: ReportStamp,
  records: readonly RecordOptions[],
): Promise<number[]> {
  const rows: NewSeizureRecord[] = [];
  for (const [index, options] of records.entries()) {
    const values = await recordValues(db, options);
    rows.push({
      values,
      original: options.original ?? { species: values.taxonName ?? '', note: randomUUID() },
      sourceRow: index + 2,
    });
  }
  return withActor(db, SYSTEM, (tx) => insertSeizureRecords(tx, report, rows, null));
}

/** A report with one record: the shortest way to a record with given sharing and countries. */
export async function createRecord(
  db: Kysely<DB>,
  report: ReportOptions,
  record: RecordOptions,
): Promise<{ report: ReportStamp; id: number }> {
  const stamp = await createReport(db, report);
  const [id] = await createRecords(db, stamp, [record]);
  return { report: stamp, id: id! };
}
