/**
 * A file that is not our template, on the real server and Chromium under the production CSP: a Party's reporter
 * uploads an NGO's spreadsheet, maps its columns one by one in the review (one column ignored, one kept as
 * additional information) and saves the mapping as a profile; chooses the file's date order once; fixes a
 * misspelt species in all its rows at once from the problems grouped by value; submits. A second file with the
 * same headers is then read through the saved profile without being mapped again. Screenshots at 1280 px.
 *
 * Run: npm run build && node --import tsx --test test/e2e/import-mapping.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveScreenshot, useE2eEnvironment, withFailureScreenshots } from './harness.ts';
import { field, visibleAlerts } from './identity-steps.ts';
import { makeReporter, signInFirstAdmin } from './reports-steps.ts';

const environment = useE2eEnvironment();
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };

const HEADER =
  'Incident date,Taxon,Product,Weight (kg),Seized in,Origin,Destination,Suspect nationality,Notes,Internal ref';
/** Dates that read day or month first (the file does not settle it); "Manis javanicus" three times. */
const FIRST_FILE = [
  HEADER,
  '02/03/2024,Manis javanicus,SCA,120,Kenya,Nigeria,China,Vietnamese,In a container of cashew nuts,REF-1',
  '04/05/2024,Manis javanicus,SCA,35,Kenya,Cameroon,Viet Nam,Chinese,,REF-2',
  '06/07/2024,Manis javanicus,SCA,12.5,Kenya,Nigeria,Malaysia,,,REF-3',
  '08/09/2024,Loxodonta africana,TUS,40,Kenya,United Republic of Tanzania,Viet Nam,,,REF-4',
].join('\r\n');
const SECOND_FILE = [
  HEADER,
  '25/10/2024,Manis javanica,SCA,50,Kenya,Nigeria,China,,Airport cargo,REF-5',
].join('\r\n');

const CHOICES: [string, string][] = [
  ['Incident date', 'Date of seizure'],
  ['Taxon', 'Species'],
  ['Product', 'Description of specimen'],
  ['Weight (kg)', 'Quantity'],
  ['Seized in', 'Country of seizure'],
  ['Origin', 'Country of origin'],
  ['Destination', 'Country of destination'],
  ['Suspect nationality', 'Nationality of offenders'],
  ['Notes', 'extra'],
  ['Internal ref', 'ignore'],
];

async function uploadFile(p: Page, baseUrl: string, name: string, csv: string) {
  await p.goto(`${baseUrl}/reports/upload`);
  await p.getByRole('heading', { level: 1, name: 'Upload a report' }).waitFor();
  await p.getByLabel(field('Year')).fill('2024');
  for (const question of [/Other Parties concerned/, /ICCWC partners/, /Elephant records/])
    await p.getByRole('radiogroup', { name: question }).getByLabel('No').check();
  await p.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await p.getByRole('button', { name: 'Upload and check' }).click();
  await p.waitForURL((url) => url.pathname.startsWith('/reports/imports/'));
  await p.getByRole('heading', { level: 1, name: 'Review the uploaded rows' }).waitFor();
}

test(
  'a non-template file is mapped column by column, the mapping saved and reused, a value fixed in all its rows',
  { timeout: 420_000 },
  () =>
    withFailureScreenshots(environment(), 'import-mapping', async () => {
      const env = environment();
      const admin = await env.openPage(DESKTOP);
      await signInFirstAdmin(env, admin.page);
      const person = await env.openPage(DESKTOP);
      const p = person.page;
      await makeReporter(env, admin.page, p);

      await uploadFile(p, env.baseUrl, 'NGO seizures 2024.csv', FIRST_FILE);
      // Read by its headers: every column is listed, the unknown ones kept until someone decides.
      const mapping = p.getByTestId('column-mapping');
      await mapping.waitFor();
      assert.match(await p.getByTestId('mapping-state').innerText(), /Read by its headers/);
      assert.equal(await mapping.locator('tbody tr').count(), CHOICES.length, 'every column is listed');
      await saveScreenshot(p, 'import-mapping-columns-en-1280');

      // Column by column, then saved under a name.
      for (const [header, target] of CHOICES)
        await p.getByLabel(`Where the column “${header}” goes`).selectOption(target);
      await p.getByLabel('Save as a profile (optional)').fill('NGO monthly');
      await p.getByRole('button', { name: 'Apply this mapping' }).click();
      await p
        .getByTestId('mapping-state')
        .filter({ hasText: 'Read through the mapping profile “NGO monthly”.' })
        .waitFor();
      // The only alert now is the question the mapped dates raise.
      assert.match(await visibleAlerts(p), /^4 rows have dates that read either day\/month or month\/day/);

      // The dates read either way: chosen once for the file.
      await p.getByRole('button', { name: 'Day first (2/3 = 2 March)' }).click();
      await p.getByText(/Dates read day first: chosen by/).waitFor();

      // "Manis javanicus" × 3, fixed once for the three rows with the suggestion already in the box.
      const group = p.locator(
        '[data-testid="problem-group"][data-column="Species"][data-value="Manis javanicus"]',
      );
      await group.waitFor();
      assert.match(await group.getByTestId('group-rows').innerText(), /× 3/);
      assert.equal(await group.getByRole('textbox').inputValue(), 'Manis javanica');
      await saveScreenshot(p, 'import-mapping-groups-en-1280');
      await group.getByRole('button', { name: 'Fix 3 rows' }).click();
      await group.waitFor({ state: 'detached' });
      await p.getByTestId('count-blocking').filter({ hasText: 'Blocking: 0' }).waitFor();
      await p.getByTestId('count-ready').filter({ hasText: 'Ready: 4' }).waitFor();
      const csvHref = await p.getByTestId('problems-csv').getAttribute('href');
      assert.match(csvHref ?? '', /\/api\/v1\/imports\/[0-9a-f-]{36}\/problems\.csv$/);

      await p.getByRole('button', { name: 'Submit 4 rows' }).click();
      await p.getByTestId('submit-summary').waitFor();
      assert.match(await p.getByTestId('submit-summary').innerText(), /4 rows imported, 0 rejected/);

      // The next file with the same headers is read through the profile, nothing to map again.
      await uploadFile(p, env.baseUrl, 'NGO seizures October.csv', SECOND_FILE);
      await p
        .getByTestId('mapping-state')
        .filter({ hasText: 'Read through the mapping profile “NGO monthly”.' })
        .waitFor();
      assert.equal(
        await p.getByLabel('Where the column “Internal ref” goes').inputValue(),
        'ignore',
        'the saved decisions are shown',
      );
      await p.getByTestId('count-ready').filter({ hasText: 'Ready: 1' }).waitFor();
      await saveScreenshot(p, 'import-mapping-reused-en-1280');
    }),
);
