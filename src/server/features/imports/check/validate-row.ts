/**
 * One staged row → its normalised values and its problems. Pure: the reference data comes in (species already
 * resolved for the batch), so the same check runs at upload, after a cell edit and at re-validation.
 */
import type { ImportColumn, ProblemCode } from '../../../../shared/imports.contract.ts';
import type { SeizureValues } from '../../seizure-records/index.ts';
import type { ImportReference } from './import-reference.ts';
import { parseSeizureDate } from './normalise-date.ts';
import { MAX_LENGTH, REQUIRED_COLUMNS } from './validation-rules.ts';
import { REPLACEMENT_CHARACTER } from '../../../lib/spreadsheets/text-encoding.ts';
import { readCountryCells } from './validate-countries.ts';
import { readMeasures } from './validate-measures.ts';
import { NO_CONVENTIONS, type FileConventions } from './file-conventions.ts';

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
  /** The file's date order and decimal mark, where settled (file-conventions.ts). */
  conventions?: FileConventions;
}

export type Cells = Partial<Record<ImportColumn, string>>;

export function validateRow(
  cells: Cells,
  ctx: RowContext,
): { values: SeizureValues; problems: FoundProblem[] } {
  const problems: FoundProblem[] = [];
  const conventions = ctx.conventions ?? NO_CONVENTIONS;
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
    const date = parseSeizureDate(dateText, conventions.dateOrder);
    if (!date.ok && date.ambiguous) {
      const dayFirst = parseSeizureDate(dateText, 'dmy');
      const monthFirst = parseSeizureDate(dateText, 'mdy');
      add('Date of seizure', 'date_order_unsettled', {
        value: dateText,
        dayFirst: dayFirst.ok ? dayFirst.date : '',
        monthFirst: monthFirst.ok ? monthFirst.date : '',
      });
    } else if (!date.ok) add('Date of seizure', 'date_invalid', { value: dateText }, date.suggestion);
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

  Object.assign(values, readMeasures(cell, ctx.reference, conventions.decimalMark, term, add));

  Object.assign(values, readCountryCells(cell, ctx.reference, ctx.party, add));

  return { values, problems };
}
