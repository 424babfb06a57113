/**
 * Demo seizure rows, as a Party would write them in the report template, with their normalised values.
 *
 * For the import benchmark and anyone who needs realistic rows: `generateDemoRows({ seed, party, year, count,
 * reference })` yields `count` rows for one Party's report of one year. Each row has
 *   - `original`: the 17 template columns (DEMO_COLUMNS, canonical English headers) as text: dates dd/mm/yyyy
 *     (about 2% only mm/yyyy and 0.5% only yyyy, as Parties write when the day is not known), species as
 *     the checklist writes them (sometimes a synonym or "Genus spp."), specimen as a term code or its English label,
 *     unit as a code, its English label or blank (= number of specimens), countries as ISO codes or English
 *     names, several countries separated by ";";
 *   - `values`: the normalised SeizureValues that an import of that row should produce (taxon ids and appendix
 *     only when `reference` is given: see loadDemoReference in demo.repo.ts).
 * The same options always give the same rows; rows of one (seed, party, year) do not depend on any other report.
 * For many reports, spread rows as the demo does: `planDemoReports({ seed, records, lastYear, today })` gives the
 * Parties, years and row counts (with each report's sharing answers), then generate each report's rows.
 */
import type { SeizureValues } from '../seizure-records/index.ts';
import {
  ELEPHANT_TAXA,
  GENERAL_MONTHS,
  TERM_LABELS,
  TRADE_FLOWS,
  UNITS,
  type TradeFlow,
} from './demo-catalogue.ts';
import { IMPORT_COLUMNS, type ImportColumn } from '../../../shared/imports.contract.ts';
import { COUNTRY_NAMES, REGIONS } from './demo-geography.ts';
import { placeOf } from './demo-places.ts';
import { deriveSeed, pickWeighted, Random, WeightedTable } from './demo-random.ts';

// The rows use the import template's own columns, so the importer reads them as a Party's file.
export const DEMO_COLUMNS = IMPORT_COLUMNS;
export type DemoColumn = ImportColumn;

/** Taxon ids and appendices by checklist name, read from the database (loadDemoReference). */
export interface DemoReference {
  taxa: ReadonlyMap<string, { id: number; appendix: string | null }>;
}

export interface DemoRowsOptions {
  seed: number;
  party: string;
  year: number;
  count: number;
  reference?: DemoReference;
}

export interface DemoRow {
  /** 1-based position of the row in the report's seizure table. */
  position: number;
  original: Record<DemoColumn, string>;
  values: SeizureValues;
}

type Role = 'origin' | 'destination' | 'transit';
const TIMBER_TERMS = new Set(['LOG', 'SAW', 'TIM', 'FRN', 'BAR', 'CHP']);
const REGION_SETS = new Map(Object.entries(REGIONS).map(([name, codes]) => [name, new Set<string>(codes)]));
const inRegions = (regions: readonly string[], code: string) =>
  regions.some((region) => REGION_SETS.get(region)!.has(code));
const poolOf = (regions: readonly string[]) => [
  ...new Set(regions.flatMap((region) => [...REGION_SETS.get(region)!])),
];

interface PreparedFlow {
  flow: TradeFlow;
  taxa: WeightedTable<TradeFlow['taxa'][number]>;
  forms: WeightedTable<TradeFlow['forms'][number]>;
  months: WeightedTable<number>;
  origins: string[];
  exports: string[];
  transits: string[];
  destinations: string[];
}

const PREPARED: PreparedFlow[] = TRADE_FLOWS.map((flow) => {
  const months = flow.months ?? GENERAL_MONTHS;
  return {
    flow,
    taxa: new WeightedTable(flow.taxa, (taxon) => taxon.weight),
    forms: new WeightedTable(flow.forms, (form) => form.weight),
    months: new WeightedTable([...months.keys()], (month) => months[month]!),
    origins: poolOf(flow.origin),
    exports: poolOf(flow.exportFrom ?? flow.origin),
    transits: poolOf(flow.transit),
    destinations: poolOf(flow.destination),
  };
});

function roleOf(prepared: PreparedFlow, party: string): Role | null {
  const { flow } = prepared;
  if (inRegions(flow.origin, party) || inRegions(flow.exportFrom ?? [], party)) return 'origin';
  if (inRegions(flow.destination, party)) return 'destination';
  if (inRegions(flow.transit, party)) return 'transit';
  return null;
}

/** Which flows a Party sees, weighted by its place in them (range States and markets seize most). */
const flowTables = new Map<string, WeightedTable<{ prepared: PreparedFlow; role: Role }>>();
function flowTableOf(party: string) {
  let table = flowTables.get(party);
  if (!table) {
    const factor = { origin: 2, destination: 2.5, transit: 1.2 } as const;
    const entries = PREPARED.map((prepared) => {
      const role = roleOf(prepared, party);
      // A Party outside a flow's regions still meets it now and then, as a transit country.
      return {
        prepared,
        role: role ?? ('transit' as const),
        weight: prepared.flow.weight * (role ? factor[role] : 0.05),
      };
    });
    table = new WeightedTable(entries, (entry) => entry.weight);
    flowTables.set(party, table);
  }
  return table;
}

function other(random: Random, pool: readonly string[], ...not: (string | null)[]): string | null {
  for (let attempt = 0; attempt < 6; attempt++) {
    const code = random.pick(pool);
    if (!not.includes(code)) return code;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS_IN_MONTH = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

function roundQuantity(quantity: number, unit: string | null): number {
  if (unit === null || UNITS[unit]?.base === 'count' || unit === 'GRM' || unit === 'MLT' || unit === 'CAN')
    return Math.max(1, Math.round(quantity));
  if (quantity < 1) return Math.max(0.01, Math.round(quantity * 100) / 100);
  if (quantity < 100) return Math.round(quantity * 10) / 10;
  return Math.round(quantity);
}

export function* generateDemoRows(options: DemoRowsOptions): Generator<DemoRow> {
  const { party, year } = options;
  const random = new Random(deriveSeed(options.seed, 'rows', party, year));
  const flows = flowTableOf(party);
  const countryCell = (code: string) =>
    random.chance(0.3) && COUNTRY_NAMES[code] ? COUNTRY_NAMES[code] : code;
  for (let position = 1; position <= options.count; position++) {
    const { prepared, role } = flows.draw(random);
    const { flow } = prepared;
    const taxon = prepared.taxa.draw(random);
    const form = prepared.forms.draw(random);

    // The route, around the reporting Party, which made the seizure. A flow without its own export regions is
    // exported from its origin country (a Party often leaves that column blank then).
    const exportedFrom = (origin: string | null, ...not: (string | null)[]) =>
      flow.exportFrom
        ? origin && random.chance(0.4)
          ? origin
          : other(random, prepared.exports, ...not)
        : random.chance(0.7)
          ? origin
          : null;
    let origin: string | null;
    let exporter: string | null;
    let destination: string | null;
    if (role === 'origin') {
      origin = random.chance(0.8) ? party : other(random, prepared.origins, party);
      exporter = party;
      destination = random.chance(0.9) ? other(random, prepared.destinations, party) : null;
    } else if (role === 'destination') {
      destination = party;
      origin = random.chance(0.88) ? other(random, prepared.origins, party) : null;
      exporter = exportedFrom(origin, party, origin);
    } else {
      origin = random.chance(0.9) ? other(random, prepared.origins, party) : null;
      exporter = exportedFrom(origin, party);
      destination = random.chance(0.92) ? other(random, prepared.destinations, party, origin) : null;
    }
    const transit: string[] = [];
    const hops = pickWeighted(random, [
      [0, 5],
      [1, 4],
      [2, 1.5],
    ]);
    for (let hop = 0; hop < hops; hop++) {
      const hub = other(random, prepared.transits, party, origin, exporter, destination, ...transit);
      if (hub) transit.push(hub);
    }
    // Seized in transit: the seizing Party is the last hop so far (not every Party lists itself).
    if (role === 'transit' && random.chance(0.65)) transit.push(party);

    // Where, how, by whom, when.
    let kind = pickWeighted(
      random,
      Object.entries(flow.transport) as [keyof typeof flow.transport, number][],
    );
    if (role === 'origin' && random.chance(0.3)) kind = 'inland';
    const place = placeOf(random, party, kind, TIMBER_TERMS.has(form.term));
    const month = prepared.months.draw(random);
    const day = random.int(1, DAYS_IN_MONTH(year, month));
    const precision = pickWeighted(random, [
      ['day', 97.5],
      ['month', 2],
      ['year', 0.5],
    ] as const);
    const dateCell =
      precision === 'day'
        ? `${pad(day)}/${pad(month + 1)}/${year}`
        : precision === 'month'
          ? `${pad(month + 1)}/${year}`
          : `${year}`;
    const seizureDate =
      precision === 'day'
        ? `${year}-${pad(month + 1)}-${pad(day)}`
        : precision === 'month'
          ? `${year}-${pad(month + 1)}-01`
          : `${year}-01-01`;

    // What and how much: occasionally a very large consignment.
    const base = random.logUniform(form.min, form.max) * (random.chance(0.02) ? 5 : 1);
    const quantity = roundQuantity(base, form.unit);
    const unit = form.unit ? UNITS[form.unit] : undefined;
    const quantityKg = unit?.base === 'kg' ? Number((quantity * unit.factor!).toFixed(6)) : null;
    const quantityCount =
      form.unit === null ? quantity : unit?.base === 'count' ? quantity * unit.factor! : null;

    // Who was caught.
    const nationalities: string[] = [];
    if (random.chance(0.62)) {
      const wanted = pickWeighted(random, [
        [1, 70],
        [2, 22],
        [3, 8],
      ]);
      const candidates = [
        party,
        origin,
        exporter,
        destination,
        random.pick(['CN', 'VN', 'NG', 'TH', 'MY', 'KE']),
      ];
      for (let i = 0; i < wanted * 3 && nationalities.length < wanted; i++) {
        const code = pickWeighted(random, [
          [candidates[0], 40],
          [candidates[1], 15],
          [candidates[2], 8],
          [candidates[3], 25],
          [candidates[4], 12],
        ] as const);
        if (code && !nationalities.includes(code)) nationalities.push(code);
      }
    }
    const additional = random.chance(0.5)
      ? ''
      : `${random.pick(flow.concealment)}.${random.chance(0.25) ? ' Case referred for prosecution.' : ''}`;

    const reference = options.reference?.taxa.get(taxon.name);
    const isElephant = ELEPHANT_TAXA.has(taxon.name);
    // The African elephant's split listing: populations of BW, NA, ZA and ZW are in Appendix II (DOMAIN §5).
    const appendix =
      taxon.name === 'Loxodonta africana'
        ? origin && ['BW', 'NA', 'ZA', 'ZW'].includes(origin)
          ? 'II'
          : 'I'
        : (reference?.appendix ?? null);

    const original: Record<DemoColumn, string> = {
      'Date of seizure': dateCell,
      'Seizing agency': place.seizingAgency,
      Species: taxon.written,
      'Description of specimen': random.chance(0.35) ? TERM_LABELS[form.term]! : form.term,
      Quantity: String(quantity),
      Unit: form.unit === null ? '' : random.chance(0.25) ? unit!.label : form.unit,
      'Reason for seizure': place.reason,
      'Location type': place.locationType,
      Location: place.locationName,
      'Detection method': place.detectionMethod,
      'Mode of transport': place.transportMode,
      'Country of origin': origin ? countryCell(origin) : '',
      'Country of export': exporter ? countryCell(exporter) : '',
      'Countries of transit': transit.map(countryCell).join(';'),
      'Country of destination': destination ? countryCell(destination) : '',
      'Nationality of offenders': nationalities.map(countryCell).join(';'),
      'Additional information': additional,
      'Country of seizure': '',
      'Second quantity': '',
      'Second unit': '',
      'Permit number': '',
    };
    const values: SeizureValues = {
      seizureDate,
      datePrecision: precision,
      seizingAgency: place.seizingAgency,
      taxonId: reference?.id ?? null,
      taxonName: taxon.name,
      appendix,
      termCode: form.term,
      quantity,
      unitCode: form.unit,
      quantityKg,
      quantityCount,
      reason: place.reason,
      locationType: place.locationType,
      locationName: place.locationName,
      detectionMethod: place.detectionMethod || null,
      transportMode: place.transportMode || null,
      seizureCountry: party,
      originCountry: origin,
      exportCountry: exporter,
      transitCountries: transit,
      destinationCountry: destination,
      offenderNationalities: nationalities,
      additionalInfo: additional || null,
      isElephant,
    };
    yield { position, original, values };
  }
}
