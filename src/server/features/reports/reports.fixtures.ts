/**
 * Test fixtures: reports with records and their file, written through the same code as the import (createReport,
 * insertSeizureRecords, the report files' repository).
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../../../shared/actor.ts';
import type { DB } from '../../db/schema.ts';
import { withActor } from '../../db/with-actor.ts';
import { createReport } from './create-report.ts';
import { insertReportFile, linkReportFile } from './report-files.repo.ts';
import { insertSeizureRecords, type SeizureValues } from '../seizure-records/index.ts';

export function seizureValues(overrides: Partial<SeizureValues> = {}): SeizureValues {
  return {
    seizureDate: '2024-03-14',
    datePrecision: 'day',
    seizingAgency: 'Customs',
    taxonId: null,
    taxonName: 'Loxodonta africana',
    appendix: 'I',
    termCode: 'TUS',
    quantity: 4,
    unitCode: null,
    quantityKg: null,
    quantityCount: 4,
    reason: 'No permit',
    locationType: 'airport',
    locationName: 'Jomo Kenyatta International Airport',
    detectionMethod: 'X-ray',
    transportMode: 'air passenger',
    seizureCountry: 'KE',
    originCountry: 'TZ',
    exportCountry: 'KE',
    transitCountries: [],
    destinationCountry: 'VN',
    offenderNationalities: ['VN'],
    additionalInfo: null,
    isElephant: true,
    ...overrides,
  };
}

export interface SeededReport {
  id: string;
  recordIds: number[];
  fileId: string;
  fileBytes: Buffer;
}

export async function seedReport(
  db: Kysely<DB>,
  options: {
    party?: string;
    year?: number;
    sharing?: { shareParties: boolean; shareIccwc: boolean; shareEtis: boolean };
    records?: SeizureValues[];
  } = {},
): Promise<SeededReport> {
  const party = options.party ?? 'KE';
  const records = options.records ?? [seizureValues(), seizureValues({ quantity: 12, quantityCount: 12 })];
  return withActor(db, systemActor('test seed'), async (tx) => {
    const stamp = await createReport(
      tx,
      { actor: systemActor('test seed'), clock: () => new Date() },
      {
        party,
        year: options.year ?? 2024,
        header: {
          preparingAgency: 'Wildlife Service',
          contributingAgencies: 'Customs; Police',
          contactName: 'Amina Otieno',
          contactEmail: 'amina.otieno@example.org',
          submittedOn: null,
        },
        partTwo: { administrative: 'Fines issued in 3 cases.' },
        sharing: options.sharing ?? { shareParties: true, shareIccwc: false, shareEtis: true },
      },
    );
    const recordIds = await insertSeizureRecords(
      tx,
      stamp,
      records.map((values, index) => ({
        values,
        original: {
          'Date of seizure': '14/03/2024',
          Species: values.taxonName ?? '',
          Quantity: String(values.quantity),
        },
        sourceRow: index + 2,
      })),
      null,
    );
    const fileBytes = Buffer.from(
      'Date of seizure,Species,Quantity\n14/03/2024,Loxodonta africana,4\n',
      'utf8',
    );
    const fileId = await insertReportFile(tx, {
      party,
      fileName: 'Rapport annuel 2024 — Kenya.csv',
      mediaType: 'text/csv',
      content: fileBytes,
      uploadedBy: null,
    });
    await linkReportFile(tx, fileId, stamp.id);
    return { id: stamp.id, recordIds, fileId, fileBytes };
  });
}
