/**
 * Seed of the access receipts and consent browser test: the explorer's seed (a Kenyan Party member, a UNODC analyst,
 * the records), plus a Kenyan report shared with ICCWC partners (so UNODC may read Kenyan records), Kenya's focal
 * point and a Secretariat data officer.
 */
import { openDatabase } from '../../src/server/db/database.ts';
import { createUserWithPassword } from '../../src/server/features/users/create-user.ts';
import { createRecords, createReport } from '../support/seizure-factories.ts';
import { seedExplorerData, type ExplorerSeed, type SeededUser } from './explorer-seed.ts';

export interface DataOutSeed extends ExplorerSeed {
  focalPoint: SeededUser;
  secretariat: SeededUser;
}

/** Kenya's records that UNODC may read: shared with ICCWC partners. */
export const SHARED_WITH_ICCWC = 3;

export async function seedDataOut(dataDir: string): Promise<DataOutSeed> {
  const explorer = await seedExplorerData(dataDir);
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  try {
    const { db } = database;
    const report = await createReport(db, { party: 'KE', year: 2023, shareParties: true, shareIccwc: true });
    await createRecords(
      db,
      report,
      Array.from({ length: SHARED_WITH_ICCWC }, (_, index) => ({
        taxon: 'Manis gigantea',
        seizureDate: `2023-0${index + 1}-15`,
        seizureCountry: 'KE',
        destinationCountry: 'VN',
        termCode: 'SCA',
        kg: 50 + index,
      })),
    );
    const focalPointEmail = 'focal.point@kenya-ma.example.org';
    const focalPoint = await createUserWithPassword(db, {
      email: focalPointEmail,
      firstName: 'Joseph',
      lastName: 'Mwangi',
      organisationName: 'Kenya CITES Management Authority',
      organisationKind: 'party',
      party: 'KE',
      authorityType: 'Management authority',
      role: 'focal_point',
      itdAccess: true,
    });
    const secretariatEmail = 'data.officer@cites.example.org';
    const secretariat = await createUserWithPassword(db, {
      email: secretariatEmail,
      firstName: 'Claire',
      lastName: 'Dubois',
      organisationName: 'CITES Secretariat',
      organisationKind: 'secretariat',
      party: null,
      authorityType: null,
      role: 'data_officer',
      itdAccess: true,
    });
    return {
      ...explorer,
      focalPoint: { email: focalPointEmail, password: focalPoint.password },
      secretariat: { email: secretariatEmail, password: secretariat.password },
    };
  } finally {
    await database.close();
  }
}
