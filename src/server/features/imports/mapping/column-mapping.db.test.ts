/**
 * Files that are not our template, through the HTTP app on a real database: every source column is listed with a
 * suggestion from its header's words; a mapping that leaves a column undecided is refused; a full mapping maps the
 * staged rows again from the file's own cells and is kept as a named profile, which the next file with the same
 * headers is read through — for the same Party only (another Party is neither offered nor shown it). The seeded
 * EIA and C4ADS profiles are data any importer is offered; a profile named at upload that the caller is not
 * offered is refused with the reason. Denials: another Party's reporter gets 404 on the batch, a member 403.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { createTestUser, signIn, testClock, type ApiClient } from '../../../../../test/support/identity.ts';
import { uploadImportCsv } from '../../../../../test/support/import-upload.ts';
import {
  importBatchSchema,
  mappingProfileListSchema,
  stagingRowPageSchema,
  type ImportBatch,
  type MapColumns,
} from '../../../../shared/imports.contract.ts';

let t: TestApp;
const clock = testClock(Date.parse('2026-03-01T10:00:00Z'));
let reporterKE: ApiClient;
let reporterTZ: ApiClient;
let memberKE: ApiClient;

before(async () => {
  t = await createTestApp({ RATE_LIMIT_MAX: '100000', RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000' }, { clock });
  const db = t.database.db;
  const user = async (party: string, role: 'reporter' | 'member') =>
    signIn(t.app, clock, await createTestUser(db, { kind: 'party', party, role }));
  reporterKE = await user('KE', 'reporter');
  reporterTZ = await user('TZ', 'reporter');
  memberKE = await user('KE', 'member');
});
after(async () => t?.close());

async function staged(client: ApiClient, csv: string, fields: Record<string, string> = {}) {
  const response = await uploadImportCsv(t.app, client, csv, fields);
  assert.equal(response.statusCode, 201, response.body);
  return importBatchSchema.parse(response.json());
}

async function rowsOf(client: ApiClient, id: string) {
  const response = await client.call('GET', `/api/v1/imports/${id}/rows?limit=500`);
  assert.equal(response.statusCode, 200, response.body);
  return stagingRowPageSchema.parse(response.json()).items;
}

/** An NGO's layout: none of the template's headers but "Taxon"; a reference column nobody needs. */
const NGO_HEADER =
  'Incident date,Taxon,Product,Weight (kg),Seized in,Origin,Destination,Suspect nationality,Notes,Internal ref';
const NGO_FILE = [
  NGO_HEADER,
  '15/03/2024,Manis javanica,SCA,120,Viet Nam,Nigeria,China,Vietnamese,found in a container,REF-1',
  '16/03/2024,Manis pentadactyla,SCA,3.5,Kenya,Cameroon,Viet Nam,Chinese,,REF-2',
].join('\n');

const NGO_MAPPING: MapColumns = {
  columns: [
    { header: 'Incident date', to: 'Date of seizure' },
    { header: 'Taxon', to: 'Species' },
    { header: 'Product', to: 'Description of specimen' },
    { header: 'Weight (kg)', to: 'Quantity' },
    { header: 'Seized in', to: 'Country of seizure' },
    { header: 'Origin', to: 'Country of origin' },
    { header: 'Destination', to: 'Country of destination' },
    { header: 'Suspect nationality', to: 'Nationality of offenders' },
    { header: 'Notes', to: 'extra' },
    { header: 'Internal ref', to: 'ignore' },
  ],
  saveAs: 'NGO monthly',
};

describe('column mapping in the review', () => {
  let first: ImportBatch;

  test('every source column is listed with what its header suggests (EN/FR/ES words)', async () => {
    first = await staged(reporterKE, NGO_FILE);
    const byHeader = new Map(first.sourceColumns.map((c) => [c.header, c]));
    assert.deepEqual(
      first.sourceColumns.map((c) => c.header),
      NGO_HEADER.split(','),
    );
    assert.equal(byHeader.get('Incident date')?.suggestion, 'Date of seizure');
    assert.equal(byHeader.get('Taxon')?.suggestion, 'Species');
    assert.equal(byHeader.get('Weight (kg)')?.suggestion, 'Quantity');
    assert.equal(byHeader.get('Origin')?.suggestion, 'Country of origin');
    assert.equal(byHeader.get('Suspect nationality')?.suggestion, 'Nationality of offenders');
    assert.equal(byHeader.get('Internal ref')?.suggestion, 'extra');
    // Read by its headers until someone decides: nothing unknown is dropped, it is kept as extra.
    assert.equal(first.mapping.decidedBy, 'file');
    assert.equal(byHeader.get('Origin')?.to, 'extra');
    assert.equal(byHeader.get('Taxon')?.to, 'Species');
  });

  test('a mapping that leaves a column undecided, or names one the file lacks, is refused', async () => {
    const partial = await reporterKE.call('POST', `/api/v1/imports/${first.id}/columns`, {
      columns: NGO_MAPPING.columns.slice(0, -1),
    });
    assert.equal(partial.statusCode, 400);
    assert.match(partial.json<{ detail: string }>().detail, /Internal ref/);
    const stranger = await reporterKE.call('POST', `/api/v1/imports/${first.id}/columns`, {
      columns: [...NGO_MAPPING.columns, { header: 'Colour', to: 'extra' }],
    });
    assert.equal(stranger.statusCode, 400);
    assert.match(stranger.json<{ detail: string }>().detail, /Colour/);
  });

  test('another Party cannot map the batch (404), a member without the import role cannot (403)', async () => {
    const other = await reporterTZ.call('POST', `/api/v1/imports/${first.id}/columns`, NGO_MAPPING);
    assert.equal(other.statusCode, 404);
    const member = await memberKE.call('POST', `/api/v1/imports/${first.id}/columns`, NGO_MAPPING);
    assert.equal(member.statusCode, 403);
    const profiles = await memberKE.call('GET', '/api/v1/imports/profiles');
    assert.equal(profiles.statusCode, 403);
  });

  test('the full mapping maps the rows again from the source cells and is kept as a profile', async () => {
    const response = await reporterKE.call('POST', `/api/v1/imports/${first.id}/columns`, NGO_MAPPING);
    assert.equal(response.statusCode, 200, response.body);
    const mapped = importBatchSchema.parse(response.json());
    assert.equal(mapped.mapping.profile, 'NGO monthly');
    assert.notEqual(mapped.mapping.decidedBy, 'file');
    assert.equal(mapped.sourceColumns.find((c) => c.header === 'Internal ref')?.to, 'ignore');
    assert.deepEqual(mapped.unknownColumns, ['Notes']);
    const [row] = await rowsOf(reporterKE, first.id);
    assert.equal(row?.cells['Country of origin'], 'Nigeria');
    assert.equal(row?.cells['Country of seizure'], 'Viet Nam');
    assert.equal(row?.cells.Quantity, '120');
    assert.equal(row?.cells.Unit, 'KIL', 'the unit comes from the header');
    assert.deepEqual(row?.extra, { Notes: 'found in a container' }, 'the ignored column is not kept');
    assert.equal(row?.normalised.originCountry, 'NG');
    assert.equal(row?.normalised.quantityKg, 120);
  });

  test('the next file with the same headers is read through the profile; another Party is not offered it', async () => {
    const second = await staged(reporterKE, NGO_FILE.replace('REF-1', 'REF-9').replace('120', '121'));
    assert.equal(second.mapping.profile, 'NGO monthly');
    const [row] = await rowsOf(reporterKE, second.id);
    assert.equal(row?.cells['Country of destination'], 'China');
    assert.equal(row?.cells.Quantity, '121');

    const tanzanian = await staged(reporterTZ, NGO_FILE);
    assert.equal(tanzanian.mapping.profile, null);
    const theirs = mappingProfileListSchema.parse(
      (await reporterTZ.call('GET', '/api/v1/imports/profiles')).json(),
    );
    assert.ok(!theirs.items.some((p) => p.name === 'NGO monthly'));
    const ours = mappingProfileListSchema.parse(
      (await reporterKE.call('GET', '/api/v1/imports/profiles')).json(),
    );
    assert.deepEqual(ours.items.find((p) => p.name === 'NGO monthly')?.party, 'KE');
    // The compilations the platform knew in code are data every importer is offered.
    for (const list of [theirs, ours])
      for (const name of ['eia-pangolin-incidents', 'c4ads-routes-airport-seizures'])
        assert.ok(
          list.items.some((p) => p.name === name && p.party === null),
          name,
        );
  });

  test('a profile named at upload is used; one the caller is not offered is refused with the reason', async () => {
    const named = await staged(reporterKE, NGO_FILE.replace('Internal ref', 'Reference'), {
      profile: 'ngo MONTHLY',
    });
    assert.equal(named.mapping.profile, 'NGO monthly');
    const refused = await uploadImportCsv(t.app, reporterTZ, NGO_FILE, { profile: 'NGO monthly' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json<{ detail: string }>().detail, /profile/);
  });
});
