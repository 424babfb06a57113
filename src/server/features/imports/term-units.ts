/**
 * Units as Parties write them besides the CITES codes and labels, and which term–unit pairs are implausible
 * (a warning, never an error: the Party may know better). Both are data; keys are looseKey() forms.
 */

/** Abbreviations and words → CITES unit code; '' is "number of specimens" (no unit). */
export const UNIT_ALIASES: Record<string, string> = {
  kg: 'KIL',
  kgs: 'KIL',
  kilo: 'KIL',
  kilos: 'KIL',
  kilogramme: 'KIL',
  kilogrammes: 'KIL',
  g: 'GRM',
  gr: 'GRM',
  grs: 'GRM',
  gramme: 'GRM',
  mg: 'MGM',
  t: 'TON',
  tonne: 'TON',
  tonnes: 'TON',
  ton: 'TON',
  tons: 'TON',
  toneladas: 'TON',
  lb: 'PND',
  lbs: 'PND',
  oz: 'OUN',
  m3: 'CUM',
  'cubic meters': 'CUM',
  m2: 'SQM',
  'square meters': 'SQM',
  m: 'MTR',
  meters: 'MTR',
  cm: 'CTM',
  l: 'LTR',
  liter: 'LTR',
  liters: 'LTR',
  ml: 'MLT',
  pcs: 'PCS',
  pc: 'PCS',
  piece: 'PCS',
  pieza: 'PCS',
  items: 'ITE',
  number: '',
  no: '',
  nos: '',
  nr: '',
  count: '',
  specimens: '',
  specimen: '',
  individuals: '',
  head: '',
  nombre: '',
  'nombre de specimens': '',
  numero: '',
  'numero de especimenes': '',
  especimenes: '',
  ejemplares: '',
  unidades: '',
  units: '',
};

export interface ImplausiblePairs {
  terms: readonly string[];
  /** Base units (kg, m, m2, m3, count) that rarely measure these terms; 'none' is a unit without a base. */
  baseUnits: readonly string[];
}

export const IMPLAUSIBLE_PAIRS: readonly ImplausiblePairs[] = [
  {
    // Whole animals and parts counted one by one: a length, area or volume makes little sense.
    terms: [
      'LIV',
      'BOD',
      'SKU',
      'TRO',
      'TUS',
      'HOR',
      'IVC',
      'CAR',
      'CLA',
      'TEE',
      'GAB',
      'EGG',
      'EGL',
      'HEA',
      'FOO',
    ],
    baseUnits: ['m', 'm2', 'm3'],
  },
  {
    // Bulk products weighed or measured: a bare number of specimens tells little.
    terms: ['POW', 'EXT', 'DER', 'CAV', 'OIL', 'MEA', 'SCA', 'SOU', 'WAX', 'MUS', 'CHP', 'COS'],
    baseUnits: ['count', 'm', 'm2'],
  },
  {
    // Timber: by volume (or weight), not by area or length.
    terms: ['LOG', 'SAW', 'TIM'],
    baseUnits: ['m2'],
  },
  {
    // Leather and cloth: by area or count, not by volume.
    terms: ['LEA', 'CLO', 'SKI'],
    baseUnits: ['m3'],
  },
];

export function isImplausiblePair(termCode: string, baseUnit: string | null): boolean {
  const base = baseUnit ?? 'none';
  return IMPLAUSIBLE_PAIRS.some((pair) => pair.terms.includes(termCode) && pair.baseUnits.includes(base));
}
