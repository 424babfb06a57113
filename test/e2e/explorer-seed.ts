/**
 * Seed of the explorer's browser test, written into the server's fresh data directory before it starts: two
 * users (a Kenyan Party member and an ICCWC member, both with ITD access and a one-time password), and pangolin
 * and elephant seizures reported by several Parties under different sharing answers, one of them corrected.
 *
 * `SEEDED` describes every record as the test needs it to work out, with its own statement of the sharing rule,
 * which records each user must be shown.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/server/db/database.ts';
import { withActor } from '../../src/server/db/with-actor.ts';
import { correctSeizureRecord } from '../../src/server/features/seizure-records/index.ts';
import { createUserWithPassword } from '../../src/server/features/users/create-user.ts';
import { setUpDatabase } from '../../src/server/setup-database.ts';
import { systemActor } from '../../src/shared/actor.ts';
import {
  createRecords,
  createReport,
  recordValues,
  type RecordOptions,
  type ReportOptions,
} from '../support/seizure-factories.ts';

export interface SeededUser {
  email: string;
  password: string;
}

export interface SeededRecord {
  report: Required<Pick<ReportOptions, 'party' | 'status' | 'shareParties' | 'shareIccwc'>>;
  record: RecordOptions & { taxon: string };
}

const report = (
  party: string,
  shareParties: boolean,
  shareIccwc: boolean,
  status: 'published' | 'draft' = 'published',
) => ({ party, shareParties, shareIccwc, status });

/** Reports (one per Party and sharing answers) and their records. */
export const SEEDED: SeededRecord[] = [
  // Kenya's own report: shared with Parties, not with ICCWC.
  {
    report: report('KE', true, false),
    record: {
      taxon: 'Manis temminckii',
      seizureDate: '2019-05-14',
      seizureCountry: 'KE',
      originCountry: 'KE',
      destinationCountry: 'CN',
      termCode: 'SCA',
      kg: 120,
      locationType: 'Airport',
      transportMode: 'Air (cargo)',
      detectionMethod: 'X-ray / scanner',
      additionalInfo: 'Scales concealed in sacks of cashew nuts',
    },
  },
  {
    report: report('KE', true, false),
    record: {
      taxon: 'Manis gigantea',
      seizureDate: '2020-02-03',
      seizureCountry: 'KE',
      originCountry: 'UG',
      destinationCountry: 'VN',
      termCode: 'SCA',
      kg: 300,
      locationType: 'Seaport',
      transportMode: 'Sea (container)',
      detectionMethod: 'Risk profiling',
      additionalInfo: 'Scales concealed behind frozen fish',
    },
  },
  // Tanzania: shared with Parties and ICCWC; Kenya is concerned as the country of origin.
  {
    report: report('TZ', true, true),
    record: {
      taxon: 'Manis gigantea',
      seizureDate: '2020-08-21',
      seizureCountry: 'TZ',
      originCountry: 'KE',
      destinationCountry: 'CN',
      termCode: 'SCA',
      kg: 450,
      locationType: 'seaport',
      locationName: 'Dar es Salaam',
      transportMode: 'Sea (container)',
      detectionMethod: 'Intelligence / tip-off',
    },
  },
  {
    report: report('TZ', true, true),
    record: {
      taxon: 'Manis tricuspis',
      seizureDate: '2021-03-09',
      seizureCountry: 'TZ',
      originCountry: 'KE',
      destinationCountry: 'VN',
      termCode: 'LIV',
      specimens: 2,
    },
  },
  {
    report: report('TZ', true, true),
    record: {
      taxon: 'Loxodonta africana',
      seizureDate: '2021-06-30',
      seizureCountry: 'TZ',
      originCountry: 'KE',
      destinationCountry: 'CN',
      termCode: 'TUS',
      kg: 80,
    },
  },
  // Nigeria: restricted from other Parties, shared with ICCWC.
  {
    report: report('NG', false, true),
    record: {
      taxon: 'Manis tricuspis',
      seizureDate: '2021-11-02',
      seizureCountry: 'NG',
      originCountry: 'KE',
      destinationCountry: 'CN',
      termCode: 'SCA',
      kg: 900,
    },
  },
  // Uganda: shared with Parties only; Kenya concerned as origin.
  {
    report: report('UG', true, false),
    record: {
      taxon: 'Manis temminckii',
      seizureDate: '2020-10-12',
      seizureCountry: 'UG',
      originCountry: 'KE',
      destinationCountry: 'AE',
      termCode: 'SCA',
      kg: 40,
      locationType: 'Land border',
      transportMode: 'Road',
      detectionMethod: 'Detector dog',
      additionalInfo: 'Concealed under sacks of charcoal',
    },
  },
  // Viet Nam: shared with everyone, but Kenya plays no part.
  {
    report: report('VN', true, true),
    record: {
      taxon: 'Manis javanica',
      seizureDate: '2022-01-19',
      seizureCountry: 'VN',
      originCountry: 'CM',
      destinationCountry: 'VN',
      termCode: 'SCA',
      kg: 1500,
      transportMode: 'Sea (container)',
      additionalInfo: 'Concealed in a timber shipment',
    },
  },
  // China: a draft report, seen by nobody here.
  {
    report: report('CN', true, true, 'draft'),
    record: {
      taxon: 'Manis gigantea',
      seizureDate: '2022-04-01',
      seizureCountry: 'CN',
      originCountry: 'KE',
      destinationCountry: 'CN',
      termCode: 'SCA',
      kg: 60,
    },
  },
];

/**
 * Many more records, so the table has several pages to scroll through: Tanzanian ivory seizures of Kenyan
 * origin, shared with everyone. They are elephants, so no pangolin filter ever counts them.
 */
export const BULK_COUNT = 650;
const BULK: SeededRecord = {
  report: report('TZ', true, true),
  record: {
    taxon: 'Loxodonta africana',
    seizureCountry: 'TZ',
    originCountry: 'KE',
    destinationCountry: 'CN',
    termCode: 'IVC',
    kg: 3,
  },
};

/** The record corrected in the seed (Tanzania's seaport seizure): its drawer shows a history. */
export const CORRECTED_INDEX = 2;
export const CORRECTION_REASON = 'Weight re-measured after the scales were sorted by species.';
/** A cell of the corrected record's row fixed in review before its report was submitted (ADR 0011). */
export const REVIEW_FIX = {
  column: 'Species',
  from: 'Manis gigantia',
  to: 'Manis gigantea',
  by: 'Amina Odhiambo',
  at: '2022-11-02T09:30:00.000Z',
};

export interface ExplorerSeed {
  party: SeededUser;
  iccwc: SeededUser;
  recordIds: number[];
}

/** Seeds the database of a data directory (or of DATABASE_URL when the server will use it), then closes it. */
export async function seedExplorerData(dataDir: string): Promise<ExplorerSeed> {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  try {
    const { db } = database;
    await setUpDatabase(db);
    const suffix = randomUUID().slice(0, 6);
    const partyEmail = `wanjiru.kamau.${suffix}@kws.example.org`;
    const party = await createUserWithPassword(db, {
      email: partyEmail,
      firstName: 'Wanjiru',
      lastName: 'Kamau',
      organisationName: `Kenya Wildlife Service ${suffix}`,
      organisationKind: 'party',
      party: 'KE',
      authorityType: 'Wildlife enforcement',
      role: 'member',
      itdAccess: true,
    });
    const iccwcEmail = `analyst.${suffix}@unodc.example.org`;
    const iccwc = await createUserWithPassword(db, {
      email: iccwcEmail,
      firstName: 'Lucía',
      lastName: 'Ferreira',
      organisationName: `UNODC ${suffix}`,
      organisationKind: 'iccwc',
      party: null,
      authorityType: null,
      role: 'member',
      itdAccess: true,
    });

    // One report per distinct Party and sharing answers, in the order first met.
    const reports = new Map<string, Awaited<ReturnType<typeof createReport>>>();
    const recordIds: number[] = [];
    for (const { report: options, record } of SEEDED) {
      const key = JSON.stringify(options);
      let stamp = reports.get(key);
      if (!stamp) {
        stamp = await createReport(db, { ...options, year: 2022 });
        reports.set(key, stamp);
      }
      const [id] = await createRecords(db, stamp, [record]);
      recordIds.push(id!);
    }

    const bulkReport = reports.get(JSON.stringify(BULK.report))!;
    await createRecords(
      db,
      bulkReport,
      Array.from({ length: BULK_COUNT }, (_, index) => ({
        ...BULK.record,
        seizureDate: `20${String(10 + (index % 12))}-0${String(1 + (index % 9))}-1${String(index % 10)}`,
        kg: 1 + (index % 40),
      })),
    );

    const corrected = SEEDED[CORRECTED_INDEX]!.record;
    await db
      .updateTable('seizure_records')
      .set({ review_fixes: JSON.stringify([REVIEW_FIX]) })
      .where('id', '=', recordIds[CORRECTED_INDEX]!)
      .execute();
    const values = await recordValues(db, { ...corrected, kg: 420 });
    await withActor(db, systemActor('explorer e2e seed'), (tx) =>
      correctSeizureRecord(tx, recordIds[CORRECTED_INDEX]!, {
        values,
        reason: CORRECTION_REASON,
        actorId: null,
        actorLabel: 'ITD data officer',
      }),
    );
    return {
      party: { email: partyEmail, password: party.password },
      iccwc: { email: iccwcEmail, password: iccwc.password },
      recordIds,
    };
  } finally {
    await database.close();
  }
}
