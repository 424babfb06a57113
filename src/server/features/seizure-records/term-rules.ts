/**
 * Rules about a record's term (the CITES description of the specimen): which units rarely measure it. An
 * implausible pair is a warning, never an error: the Party may know better. Data, read by the import's check of a
 * row; a correction keeps what its author chose.
 */

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
