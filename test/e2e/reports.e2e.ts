/**
 * A Party's reporter sends an annual report with mistakes in it, on the real server and Chromium under the
 * production CSP: uploads a CSV (with a progress bar), fixes two cells in the staging table, accepts a warning,
 * submits, then finds the report with its records, opens a record, corrects it and sees the earlier version kept
 * in its history, and the report's own history. Screenshots at 1280 and 375 px.
 *
 * Run: npm run build && node --import tsx --test test/e2e/reports.e2e.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { saveScreenshot, useE2eEnvironment, withFailureScreenshots } from './harness.ts';
import { assertNoHorizontalOverflow, field, visibleAlerts } from './identity-steps.ts';
import { makeReporter, signInFirstAdmin } from './reports-steps.ts';

const environment = useE2eEnvironment();
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'en-GB' };
const PHONE = { viewport: { width: 375, height: 812 }, locale: 'en-GB', isMobile: true, hasTouch: true };

/**
 * Kenya's seizures of 2025: row 3 misspells the species and row 4 names a country that does not exist (both
 * blocking); row 5 is dated in 2024 (a warning: the report covers 2025).
 */
const REPORT_CSV = [
  'Date of seizure,Seizing agency,Species,Description of specimen,Quantity,Unit,Country of origin,Country of destination,Additional information',
  '14/03/2025,Customs,Loxodonta africana,TUS,4,,Tanzania,Viet Nam,Found in a container of avocados',
  '02/05/2025,Police,Manis javanicus,SCA,120,KIL,Nigeria,China,',
  '19/06/2025,Customs,Manis tricuspis,SCA,35,KIL,Narnia,Viet Nam,',
  '28/12/2024,Customs,Loxodonta africana,IVC,12,,Uganda,Malaysia,Declared as souvenirs',
].join('\r\n');

async function waitForNoAlerts(page: Page, what: string) {
  const alerts = await visibleAlerts(page);
  assert.equal(alerts, '', `${what}: no error shown`);
}

test(
  'a reporter uploads a file with errors, fixes it in staging, submits, and sees the records with their history',
  { timeout: 420_000 },
  () =>
    withFailureScreenshots(environment(), 'reports', async () => {
      const env = environment();
      const admin = await env.openPage(DESKTOP);
      await signInFirstAdmin(env, admin.page);
      const person = await env.openPage(DESKTOP);
      const p = person.page;
      await makeReporter(env, admin.page, p);

      // The Reports entry is in the navigation; the list is empty.
      await p
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Reports' })
        .click();
      await p.getByRole('heading', { level: 1, name: 'Annual illegal trade reports' }).waitFor();
      await p.getByText('No reports match.').waitFor();
      await p.getByRole('link', { name: 'Upload a report' }).click();

      // Upload: the template link follows the chosen language; Party is the reporter's own.
      await p.getByRole('heading', { level: 1, name: 'Upload a report' }).waitFor();
      const template = p.getByRole('link', { name: 'Download the template (XLSX)' });
      assert.match((await template.getAttribute('href')) ?? '', /template\.xlsx\?language=en$/);
      await p.getByRole('combobox', { name: 'Template language' }).click();
      await p.getByRole('option', { name: 'French' }).click();
      assert.match((await template.getAttribute('href')) ?? '', /template\.xlsx\?language=fr$/);
      const templateStatus = await p.evaluate(
        async (href) => (await fetch(href)).status,
        (await template.getAttribute('href')) ?? '',
      );
      assert.equal(templateStatus, 200, 'the template downloads');
      assert.equal(await p.getByLabel(field('Party')).inputValue(), 'Kenya');
      await p.getByLabel(field('Year')).fill('2025');
      await p
        .getByRole('radiogroup', { name: /Other Parties concerned/ })
        .getByLabel('Yes')
        .check();
      await p
        .getByRole('radiogroup', { name: /ICCWC partners/ })
        .getByLabel('Yes')
        .check();
      await p
        .getByRole('radiogroup', { name: /Elephant records/ })
        .getByLabel('No')
        .check();
      await p.locator('input[type="file"]').setInputFiles({
        name: 'Kenya AITR 2025.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(REPORT_CSV, 'utf8'),
      });
      await saveScreenshot(p, 'reports-upload-en-1280');
      // The progress bar shows while the file is sent (XMLHttpRequest upload progress).
      const progress = p.getByRole('progressbar', { name: 'Upload progress' });
      await p.getByRole('button', { name: 'Upload and check' }).click();
      await p.waitForURL((url) => url.pathname.startsWith('/reports/imports/'));
      assert.equal(await progress.count(), 0, 'the progress bar goes once the file is checked');

      // Staging: the problems table shows the two blocking problems and the warning.
      await p.getByRole('heading', { level: 1, name: 'Review the uploaded rows' }).waitFor();
      const problems = p.getByTestId('problem-table');
      await problems.waitFor();
      await waitForNoAlerts(p, 'staging');
      assert.match(await p.getByTestId('count-blocking').innerText(), /Blocking: 2/);
      assert.match(await p.getByTestId('count-warnings').innerText(), /Warnings: 1/);
      const speciesLine = problems.locator('[data-row="3"][data-column="Species"]');
      assert.match(await speciesLine.innerText(), /Manis javanica/, 'the nearest species is suggested');
      await saveScreenshot(p, 'reports-staging-en-1280');

      // Fix two cells in place; each is checked again at once.
      const species = p.getByLabel('Row 3, Species');
      await species.fill('Manis javanica');
      await speciesLine.getByRole('button', { name: 'Save' }).click();
      await speciesLine.waitFor({ state: 'detached' });
      const countryLine = problems.locator('[data-row="4"][data-column="Country of origin"]');
      await p.getByLabel('Row 4, Country of origin').fill('Cameroon');
      await countryLine.getByRole('button', { name: 'Save' }).click();
      await countryLine.waitFor({ state: 'detached' });
      await p.getByTestId('count-blocking').filter({ hasText: 'Blocking: 0' }).waitFor();

      // Accept the warning of row 5: it is right as it is (a seizure of late 2024 reported with 2025's).
      await p.getByRole('button', { name: 'Accept the warning of row 5' }).click();
      await p.getByTestId('count-warnings').filter({ hasText: 'Warnings: 0' }).waitFor();
      await p.getByRole('button', { name: 'Check again' }).click();
      await p.getByTestId('count-ready').filter({ hasText: 'Ready: 4' }).waitFor();
      await saveScreenshot(p, 'reports-staging-fixed-en-1280');

      await p.getByRole('button', { name: 'Submit 4 rows' }).click();
      const summary = p.getByTestId('submit-summary');
      await summary.waitFor();
      assert.match(
        await summary.innerText(),
        /4 rows imported, 0 rejected and 0 duplicates left out, of 4 rows in the file/,
      );
      await saveScreenshot(p, 'reports-submitted-en-1280');
      const stagingUrl = p.url();
      await p.getByRole('link', { name: 'Open the report' }).click();

      // The report: header, sharing answers, the original file, four records and the history.
      await p.getByRole('heading', { level: 1, name: 'Kenya — 2025' }).waitFor();
      await p.getByTestId('record-row').nth(3).waitFor();
      assert.equal(await p.getByTestId('record-row').count(), 4);
      assert.equal(await p.getByTestId('report-status').innerText(), 'Draft');
      assert.match(await p.getByTestId('sharing-answers').innerText(), /Yes — Other Parties concerned/);
      const file = p.getByRole('link', { name: 'Kenya AITR 2025.csv' });
      assert.match(
        (await file.getAttribute('href')) ?? '',
        /^\/api\/v1\/reports\/[0-9a-f-]+\/files\/[0-9a-f-]+$/,
      );
      const history = p.getByTestId('report-events');
      await history.getByText('Report created').waitFor();
      await history.getByText('Records imported').waitFor();

      // A record, corrected: the earlier version stays in its history with who, when and why.
      await p.getByRole('button', { name: 'Open the record of row 3' }).click();
      const drawer = p.getByTestId('record-drawer');
      await drawer.waitFor();
      // What the Party wrote is the file's cell; the fix made in staging is shown with who made it.
      assert.match(await drawer.innerText(), /What the Party wrote[\s\S]*Manis javanicus/);
      const fixes = drawer.getByTestId('record-review-fixes');
      assert.match(await fixes.innerText(), /Corrected in review before submission/);
      assert.match(await fixes.innerText(), /Species: “Manis javanicus” → “Manis javanica”/);
      assert.match(await drawer.innerText(), /Not corrected since it was imported/);
      // Every field can be corrected, countries from the country list.
      const form = drawer.getByTestId('record-correction-form');
      for (const label of ['Date of seizure', 'Species', 'Unit', 'Mode of transport', 'Country of export'])
        assert.equal(await form.getByLabel(field(label)).count(), 1, label);
      await drawer.getByLabel(field('Quantity')).fill('12');
      await drawer.getByLabel(field('Why is it corrected?')).fill('The customs note says 12 kg, not 120 kg.');
      await drawer.getByRole('button', { name: 'Save the correction' }).click();
      await drawer.getByTestId('record-version').filter({ hasText: 'Version 2' }).waitFor();
      const kept = drawer.getByTestId('record-version-entry');
      await kept.waitFor();
      const keptText = await kept.innerText();
      assert.match(keptText, /Version 1, replaced by Wanjiku Kamau on /);
      assert.match(keptText, /Reason: The customs note says 12 kg, not 120 kg\./);
      assert.match(keptText, /Quantity: 120 → 12/);
      await drawer.getByTestId('record-review-fixes').scrollIntoViewIfNeeded();
      await saveScreenshot(p, 'reports-record-history-en-1280');
      await p.keyboard.press('Escape');
      await history.getByText('A record was corrected').waitFor();

      // The header and Part II are edited while the report is a draft.
      await p.getByRole('button', { name: 'Edit the report' }).click();
      const dialog = p.getByRole('dialog', { name: 'Edit the report' });
      await dialog.getByLabel(field('Preparing agency')).fill('Kenya Wildlife Service');
      await dialog.getByLabel(field('Criminal prosecutions')).fill('Two traffickers convicted in Mombasa.');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await p.getByText('Preparing agency: Kenya Wildlife Service').waitFor();
      await p.getByText('Two traffickers convicted in Mombasa.').waitFor();
      await history.getByText('Report details changed').waitFor();

      // The reporter submits; only the Secretariat may publish.
      await p.getByRole('button', { name: 'Submit the report' }).click();
      await p.getByTestId('report-status').filter({ hasText: 'Submitted' }).waitFor();
      assert.equal(await p.getByRole('button', { name: 'Publish' }).count(), 0, 'a reporter cannot publish');
      await saveScreenshot(p, 'reports-detail-en-1280');
      const reportUrl = p.url();

      // The Secretariat sees it in its list and publishes it.
      const a = admin.page;
      await a.goto(reportUrl);
      await a.getByRole('heading', { level: 1, name: 'Kenya — 2025' }).waitFor();
      await a.getByRole('button', { name: 'Publish' }).click();
      await a.getByTestId('report-status').filter({ hasText: 'Published' }).waitFor();
      await a.getByTestId('report-events').getByText('Published').waitFor();

      // The same pages on a phone.
      const phone = await env.openPage({ ...PHONE, storageState: await p.context().storageState() });
      const m = phone.page;
      for (const [url, name, heading] of [
        [reportUrl, 'reports-detail', 'Kenya — 2025'],
        [stagingUrl, 'reports-staging', 'Review the uploaded rows'],
        [`${env.baseUrl}/reports`, 'reports-list', 'Annual illegal trade reports'],
        [`${env.baseUrl}/reports/upload`, 'reports-upload', 'Upload a report'],
      ] as const) {
        await m.goto(url);
        await m.getByRole('heading', { level: 1, name: heading }).waitFor();
        await m.waitForLoadState('networkidle');
        await saveScreenshot(m, `${name}-en-375`);
        await assertNoHorizontalOverflow(m, name);
      }

      for (const watched of [admin, person, phone]) {
        assert.equal(await watched.page.locator('style').count(), 0, 'no <style> element in the document');
        assert.deepEqual(watched.problems, [], 'no console errors, uncaught exceptions or CSP violations');
      }
    }),
);
