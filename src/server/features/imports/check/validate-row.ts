/**
 * One staged row → its normalised values and its problems. Pure: the reference data comes in (species already
 * resolved for the batch), so the same check runs at upload, after a cell edit and at re-validation.
 */
import type { ImportColumn, ProblemCode } from '../../../../shared/imports.contract.ts';
import { convertQuantity, isImplausiblePair, type SeizureValues } from '../../seizure-records/index.ts';
import type { ImportReference } from './import-reference.ts';
import { parseSeizureDate } from './normalise-date.ts';
import { parseQuantity } from './normalise-quantity.ts';
import { MAX_LENGTH, REQUIRED_COLUMNS } from './validation-rules.ts';
import { REPLACEMENT_CHARACTER } from '../../../lib/spreadsheets/text-encoding.ts';

export interface FoundProblem {
  column: ImportColumn | null;
  code: ProblemCode;
  params: Record<string, string | number>;
  suggestion: string | null;
}

export interface RowContext {
  reference: ImportReference;
  party: string;
  year: number;
  /** Today as YYYY-MM-DD (a date after it is in the future). */
  today: string;
}

export type Cells = Partial<Record<ImportColumn, string>>;

/** Lists split on ";" (or line breaks); a part that is not one name is split again on "," below. */
function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function validateRow(
  cells: Cells,
  ctx: RowContext,
): { values: SeizureValues; problems: FoundProblem[] } {
  const problems: FoundProblem[] = [];
  const cell = (column: ImportColumn) => (cells[column] ?? '').trim();
  const add = (
    column: ImportColumn | null,
    code: ProblemCode,
    params: Record<string, string | number> = {},
    suggestion: string | null = null,
  ) => problems.push({ column, code, params, suggestion });
  const text = (column: ImportColumn): string | null => {
    const value = cell(column).replace(/\s+/g, ' ');
    const max =
      column === 'Additional information' ? MAX_LENGTH['Additional information'] : MAX_LENGTH.default;
    if (value.length > max) add(column, 'too_long', { max });
    return value === '' ? null : value;
  };

  for (const column of REQUIRED_COLUMNS) if (cell(column) === '') add(column, 'required');
  // A file read as UTF-8 despite a few bad bytes (lib/spreadsheets/text-encoding.ts) shows each as U+FFFD.
  for (const column of Object.keys(cells) as ImportColumn[])
    if (cells[column]?.includes(REPLACEMENT_CHARACTER)) add(column, 'invalid_characters');

  const values: SeizureValues = {
    seizureDate: null,
    datePrecision: null,
    seizingAgency: text('Seizing agency'),
    taxonId: null,
    taxonName: null,
    appendix: null,
    termCode: null,
    quantity: null,
    unitCode: null,
    quantityKg: null,
    quantityCount: null,
    reason: text('Reason for seizure'),
    locationType: text('Location type'),
    locationName: text('Location'),
    detectionMethod: text('Detection method'),
    transportMode: text('Mode of transport'),
    seizureCountry: ctx.party,
    originCountry: null,
    exportCountry: null,
    transitCountries: [],
    destinationCountry: null,
    offenderNationalities: [],
    additionalInfo: text('Additional information'),
    isElephant: false,
  };

  const dateText = cell('Date of seizure');
  if (dateText !== '') {
    const date = parseSeizureDate(dateText);
    if (!date.ok) add('Date of seizure', 'date_invalid', { value: dateText }, date.suggestion);
    else if (date.date > ctx.today) add('Date of seizure', 'date_in_future', { date: date.date });
    else {
      values.seizureDate = date.date;
      values.datePrecision = date.precision;
      if (Number(date.date.slice(0, 4)) !== ctx.year)
        add('Date of seizure', 'date_outside_year', { date: date.date, year: ctx.year });
    }
  }

  const speciesText = cell('Species');
  if (speciesText !== '') {
    const species = ctx.reference.species(speciesText);
    if (!species.ok) add('Species', 'species_unknown', { value: speciesText }, species.suggestion);
    else {
      values.taxonId = species.taxon.id;
      values.taxonName = species.taxon.name;
      values.appendix = species.taxon.appendix;
      values.isElephant = species.isElephant;
      if (
        species.taxon.appendix === null &&
        ['SPECIES', 'SUBSPECIES', 'VARIETY'].includes(species.taxon.rank)
      )
        add('Species', 'species_not_cites', { name: species.taxon.name });
    }
  }

  const termText = cell('Description of specimen');
  const term = termText === '' ? null : ctx.reference.term(termText);
  if (termText !== '' && !term) add('Description of specimen', 'term_unknown', { value: termText });
  values.termCode = term?.code ?? null;

  const unitText = cell('Unit');
  const unit = ctx.reference.unit(unitText);
  if (!unit) add('Unit', 'unit_unknown', { value: unitText });
  values.unitCode = unit && unit.code !== '' ? unit.code : null;

  const quantityText = cell('Quantity');
  if (quantityText !== '') {
    const quantity = parseQuantity(quantityText);
    if (!quantity.ok)
      add(
        'Quantity',
        quantity.reason === 'invalid' ? 'quantity_invalid' : 'quantity_not_positive',
        { value: quantityText },
        quantity.suggestion,
      );
    else {
      values.quantity = quantity.value;
      Object.assign(values, convertQuantity(quantity.value, unit));
    }
  }
  if (term && unit && isImplausiblePair(term.code, unit.baseUnit))
    add('Unit', 'term_unit_implausible', {
      term: ctx.reference.termLabel(term.code),
      unit: unit.code === '' ? 'number of specimens' : unit.label,
    });

  const country = (column: ImportColumn, raw: string): string | null => {
    const found = ctx.reference.country(raw) ?? cityCountry(raw);
    if (!found) {
      add(column, 'country_unknown', { value: raw });
      return null;
    }
    if (found.isRegion) add(column, 'country_region_only', { value: raw });
    return found.code;
  };
  // "New York, USA": a place then its country.
  const cityCountry = (raw: string) => {
    const last = raw.split(',').at(-1) ?? '';
    return raw.includes(',') ? ctx.reference.country(last) : null;
  };
  const single = (column: ImportColumn) => (cell(column) === '' ? null : country(column, cell(column)));
  const list = (column: ImportColumn): string[] => {
    const raw = cell(column);
    if (raw === '') return [];
    const codes: string[] = [];
    for (const part of splitList(raw)) {
      const whole = ctx.reference.country(part);
      if (whole) {
        codes.push(whole.code);
        if (whole.isRegion) add(column, 'country_region_only', { value: part });
        continue;
      }
      for (const piece of part
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const code = country(column, piece);
        if (code) codes.push(code);
      }
    }
    return [...new Set(codes)];
  };
  values.originCountry = single('Country of origin');
  values.exportCountry = single('Country of export');
  values.transitCountries = list('Countries of transit');
  values.destinationCountry = single('Country of destination');
  values.offenderNationalities = list('Nationality of offenders');

  return { values, problems };
}
