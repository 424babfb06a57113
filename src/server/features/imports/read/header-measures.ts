/**
 * Quantities whose unit is in the header ("Quantity (kg)", "Weight (kg)", "Number"), and files with both a
 * weight and a count column: the header's unit goes with its values, and the second measure of a row is kept as
 * the record's second quantity instead of being dropped.
 */
import { headerKey } from './import-columns.ts';

/** Header words of a measure column, in EN/FR/ES, with the unit their values are in when the header says none. */
const MEASURE_WORDS: Record<string, string | null> = {
  quantity: null,
  quantite: null,
  cantidad: null,
  weight: null,
  poids: null,
  peso: null,
  number: '',
  count: '',
  nombre: '',
  numero: '',
  'number of specimens': '',
  'nombre de specimens': '',
  'numero de especimenes': '',
};

/** A unit written in a header's parentheses → its CITES code ('' for a number of specimens). */
const HEADER_UNITS: Record<string, string> = {
  kg: 'KIL',
  kgs: 'KIL',
  kilograms: 'KIL',
  kilogrammes: 'KIL',
  kilogramos: 'KIL',
  g: 'GRM',
  grams: 'GRM',
  grammes: 'GRM',
  gramos: 'GRM',
  lb: 'PND',
  lbs: 'PND',
  pounds: 'PND',
  l: 'LTR',
  litres: 'LTR',
  liters: 'LTR',
  number: '',
  no: '',
  pieces: '',
  pcs: '',
  units: '',
  unites: '',
  unidades: '',
  specimens: '',
};

export interface MeasureColumn {
  index: number;
  /** The unit the header gives its values (undefined: the Unit column says). */
  unit: string | undefined;
}

/** The unit a header names in parentheses, if it is one. */
export function unitOfHeader(text: string): string | undefined {
  const inside = /\(([^)]*)\)/.exec(text)?.[1];
  if (inside === undefined) return undefined;
  return HEADER_UNITS[headerKey(inside)];
}

/** The measure columns of a header row, in order: by their words, with the unit their header gives. */
export function measureColumns(header: readonly string[]): MeasureColumn[] {
  const found: MeasureColumn[] = [];
  header.forEach((text, index) => {
    const key = headerKey(text);
    if (!(key in MEASURE_WORDS)) return;
    found.push({ index, unit: unitOfHeader(text) ?? MEASURE_WORDS[key] ?? undefined });
  });
  return found;
}
