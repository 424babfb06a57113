/**
 * The demo generator is deterministic and realistic enough to show: same seed, same data; another seed, other
 * data; and over a large plan the mix of sharing answers, Parties, years and elephant records the issue asks for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ELEPHANT_TAXA, TERM_LABELS, TRADE_FLOWS, UNITS } from './demo-catalogue.ts';
import { COUNTRY_NAMES, PARTIES } from './demo-geography.ts';
import { planDemoReports, type DemoPlanOptions } from './demo-plan.ts';
import { DEMO_COLUMNS, generateDemoRows, type DemoRow } from './demo-rows.ts';

const rowsOf = (seed: number, party = 'KE', year = 2019, count = 400): DemoRow[] => [
  ...generateDemoRows({ seed, party, year, count }),
];
const planOf = (overrides: Partial<DemoPlanOptions> = {}) =>
  planDemoReports({ seed: 1, records: 200_000, lastYear: 2025, today: '2026-11-29', ...overrides });

describe('demo generator', () => {
  test('the same seed gives the same rows and the same plan', () => {
    assert.deepEqual(rowsOf(11), rowsOf(11));
    assert.deepEqual(planOf({ records: 5000 }), planOf({ records: 5000 }));
  });

  test('another seed gives other rows and another plan', () => {
    const a = rowsOf(11).map((row) => JSON.stringify(row.original));
    const b = new Set(rowsOf(12).map((row) => JSON.stringify(row.original)));
    assert.ok(a.filter((row) => b.has(row)).length < 5, 'almost no row in common');
    const planA = planOf({ records: 5000 });
    const planB = planOf({ records: 5000, seed: 2 });
    assert.notDeepEqual(
      planA.map((plan) => `${plan.party}${plan.year}:${plan.records}`),
      planB.map((plan) => `${plan.party}${plan.year}:${plan.records}`),
    );
  });

  test("a report's rows depend only on seed, Party and year: more rows extend the same list", () => {
    assert.deepEqual(rowsOf(5, 'CN', 2012, 50), rowsOf(5, 'CN', 2012, 120).slice(0, 50));
    assert.notDeepEqual(rowsOf(5, 'CN', 2012, 50), rowsOf(5, 'CN', 2013, 50));
  });

  test('rows are written as in the template and normalise to matching values', () => {
    for (const party of ['KE', 'CN', 'FR', 'US', 'BR', 'MG', 'SG']) {
      for (const row of rowsOf(3, party, 2016, 300)) {
        assert.deepEqual(Object.keys(row.original), [...DEMO_COLUMNS]);
        const { values, original } = row;
        assert.equal(values.seizureCountry, party);
        assert.ok(values.seizureDate!.startsWith('2016-'), values.seizureDate!);
        assert.ok(original['Date of seizure'].endsWith('2016'));
        if (values.datePrecision === 'day') assert.match(original['Date of seizure'], /^\d\d\/\d\d\/2016$/);
        assert.ok(values.quantity! > 0);
        assert.equal(Number(original.Quantity), values.quantity);
        assert.ok(TERM_LABELS[values.termCode!], values.termCode!);
        assert.ok(
          [values.termCode, TERM_LABELS[values.termCode!]].includes(original['Description of specimen']),
        );
        if (values.unitCode === null) {
          assert.equal(original.Unit, '');
          assert.equal(values.quantityCount, values.quantity);
        } else {
          assert.ok([values.unitCode, UNITS[values.unitCode]!.label].includes(original.Unit));
        }
        if (values.unitCode === 'KIL') assert.equal(values.quantityKg, values.quantity);
        if (values.unitCode === 'GRM')
          assert.equal(values.quantityKg, Number((values.quantity! / 1000).toFixed(6)));
        const countries = [
          values.originCountry,
          values.exportCountry,
          values.destinationCountry,
          ...values.transitCountries,
          ...values.offenderNationalities,
        ].filter((code): code is string => code !== null);
        for (const code of countries) assert.ok(COUNTRY_NAMES[code], `${code} has a name`);
        // What the Party wrote names the same countries, by code or by English name.
        const written = original['Countries of transit'] ? original['Countries of transit'].split(';') : [];
        assert.deepEqual(
          written.map((cell) =>
            cell.length === 2 ? cell : Object.keys(COUNTRY_NAMES).find((c) => COUNTRY_NAMES[c] === cell),
          ),
          values.transitCountries,
        );
        assert.equal(values.isElephant, ELEPHANT_TAXA.has(values.taxonName!));
        assert.equal(new Set(values.offenderNationalities).size, values.offenderNationalities.length);
      }
    }
  });

  test('every Party of the plan is a Party of the catalogue, and every flow has taxa and forms', () => {
    assert.equal(PARTIES.length, 183);
    for (const flow of TRADE_FLOWS) {
      assert.ok(flow.taxa.length > 0 && flow.forms.length > 0, flow.key);
      for (const form of flow.forms) {
        assert.ok(TERM_LABELS[form.term], `${flow.key}: term ${form.term}`);
        if (form.unit) assert.ok(UNITS[form.unit], `${flow.key}: unit ${form.unit}`);
        assert.ok(form.min > 0 && form.max >= form.min, flow.key);
      }
    }
  });

  test('a large plan: ~180 Parties, 20 years ending last year, the sharing mix, a few reports not published', () => {
    const plans = planOf();
    assert.equal(
      plans.reduce((sum, plan) => sum + plan.records, 0),
      200_000,
    );
    const parties = new Set(plans.map((plan) => plan.party));
    assert.ok(parties.size >= 175 && parties.size <= 183, `${parties.size} Parties`);
    const years = [...new Set(plans.map((plan) => plan.year))].sort();
    assert.equal(years.length, 20);
    assert.equal(years.at(-1), 2025);
    assert.equal(years[0], 2006);

    const share = (predicate: (plan: (typeof plans)[number]) => boolean) =>
      plans.filter(predicate).length / plans.length;
    const restricted = share((plan) => !plan.shareIccwc && !plan.shareParties);
    const iccwc = share((plan) => plan.shareIccwc);
    const parties2 = share((plan) => plan.shareParties);
    assert.ok(restricted > 0.05 && restricted < 0.16, `restricted ${restricted}`);
    assert.ok(iccwc > 0.78 && iccwc < 0.92, `ICCWC ${iccwc}`);
    assert.ok(parties2 > 0.3 && parties2 < 0.5, `Parties ${parties2}`);
    const published = share((plan) => plan.status === 'published');
    assert.ok(published > 0.95 && published < 1, `published ${published}`);
    assert.ok(
      plans.some((plan) => plan.status === 'draft' && plan.submittedOn === null && plan.publishedOn === null),
    );
    assert.ok(
      plans.some(
        (plan) => plan.status === 'submitted' && plan.submittedOn !== null && plan.publishedOn === null,
      ),
    );
    for (const plan of plans) if (plan.publishedOn) assert.ok(plan.publishedOn <= '2026-11-29');

    // Some Parties report far more than others.
    const byParty = new Map<string, number>();
    for (const plan of plans) byParty.set(plan.party, (byParty.get(plan.party) ?? 0) + plan.records);
    const sorted = [...byParty.values()].sort((a, b) => b - a);
    assert.ok(
      sorted[0]! > 20 * sorted[Math.floor(sorted.length / 2)]!,
      'the largest reporter dwarfs the median',
    );
  });

  test('elephant records are a visible share, in reports with and without the ETIS answer', () => {
    const plans = planOf({ records: 30_000 });
    let rows = 0;
    const elephant = { etis: 0, noEtis: 0 };
    for (const plan of plans) {
      for (const row of generateDemoRows({
        seed: 1,
        party: plan.party,
        year: plan.year,
        count: plan.records,
      })) {
        rows += 1;
        if (row.values.isElephant) elephant[plan.shareEtis ? 'etis' : 'noEtis'] += 1;
      }
    }
    const elephantShare = (elephant.etis + elephant.noEtis) / rows;
    assert.ok(elephantShare > 0.04 && elephantShare < 0.2, `elephant share ${elephantShare}`);
    assert.ok(elephant.etis > elephant.noEtis && elephant.noEtis > 0, JSON.stringify(elephant));
  });

  test('a small plan is made only of reports that have records', () => {
    const plans = planOf({ records: 300 });
    assert.equal(
      plans.reduce((sum, plan) => sum + plan.records, 0),
      300,
    );
    assert.ok(plans.every((plan) => plan.records > 0));
  });
});
