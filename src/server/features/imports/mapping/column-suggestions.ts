/**
 * What a source column's header suggests it holds, from the words people write in EN/FR/ES: first the
 * template's own headers in the three languages, then the measure words ("Weight (kg)", "Number"), then common
 * words of NGO compilations and national spreadsheets ("Origin", "Pays de destination", "Nacionalidad"). A header
 * that suggests nothing is kept as additional information: a suggestion never drops a column.
 */
import type { ColumnTarget, ImportColumn } from '../../../../shared/imports.contract.ts';
import { columnOfHeader, headerKey } from '../read/import-columns.ts';
import { measureColumns } from '../read/header-measures.ts';

/**
 * Words (compared as headerKey writes them) that name a column when the whole header is one of them or starts
 * with one. Longer phrases come first in each list so "country of origin" wins over "country".
 */
const WORDS: readonly (readonly [ImportColumn, readonly string[]])[] = [
  [
    'Country of origin',
    ['country of origin', 'origin', 'origine', 'origen', 'pays d origine', 'source country'],
  ],
  [
    'Country of destination',
    ['country of destination', 'destination', 'destino', 'pays de destination', 'final destination'],
  ],
  [
    'Country of export',
    ['country of export', 'export', 'exporter', 'via', 'pays d exportation', 'exportador'],
  ],
  ['Countries of transit', ['transit', 'transito', 'route', 'ruta', 'itineraire', 'pays de transit']],
  [
    'Nationality of offenders',
    ['nationality', 'nationalities', 'nationalite', 'nacionalidad', 'suspect nationality', 'offender'],
  ],
  [
    'Country of seizure',
    ['country of seizure', 'country', 'pays', 'pais', 'seizure country', 'seizing country', 'nation'],
  ],
  [
    'Species',
    ['species', 'taxon', 'scientific name', 'espece', 'especie', 'animal', 'plant', 'nom scientifique'],
  ],
  [
    'Description of specimen',
    ['description of specimen', 'specimen', 'product', 'produit', 'producto', 'commodity', 'item', 'type'],
  ],
  ['Unit', ['unit', 'unite', 'unidad', 'units', 'uom']],
  [
    'Quantity',
    ['quantity', 'qty', 'amount', 'weight', 'poids', 'peso', 'number', 'nombre', 'numero', 'count'],
  ],
  ['Date of seizure', ['date', 'fecha', 'year', 'annee', 'ano', 'seizure date', 'incident date']],
  ['Seizing agency', ['agency', 'authority', 'seized by', 'organisme', 'autorite', 'organismo', 'autoridad']],
  ['Location type', ['location type', 'type of location', 'type de lieu', 'tipo de lugar']],
  ['Location', ['location', 'place', 'city', 'lieu', 'ville', 'lugar', 'ciudad', 'port', 'airport']],
  ['Mode of transport', ['transport', 'mode of transport', 'transit type', 'moyen de transport', 'medio']],
  ['Detection method', ['detection', 'method of detection', 'methode de detection', 'metodo de deteccion']],
  ['Reason for seizure', ['reason', 'motif', 'motivo', 'offence', 'offense', 'infraction', 'delito']],
  [
    'Additional information',
    [
      'notes',
      'note',
      'comments',
      'comment',
      'remarks',
      'description',
      'details',
      'observaciones',
      'remarques',
    ],
  ],
];

/** The column a header's words name, or null. */
function columnOfWords(key: string): ImportColumn | null {
  for (const [column, words] of WORDS)
    if (words.some((word) => key === word || key.startsWith(`${word} `))) return column;
  return null;
}

/** The suggestion for each header of a row (the same header twice gets the same suggestion). */
export function suggestColumns(header: readonly string[]): ColumnTarget[] {
  const measures = new Set(measureColumns(header).map((m) => m.index));
  return header.map((text, index) => {
    if (text.trim() === '') return 'extra';
    const template = columnOfHeader(text);
    if (template) return template;
    if (measures.has(index)) return 'Quantity';
    return columnOfWords(headerKey(text)) ?? 'extra';
  });
}

/** Whether a row reads as a seizure table's header: three or more different columns suggested by its words. */
export function looksLikeSeizureHeader(header: readonly string[]): boolean {
  const named = new Set(suggestColumns(header).filter((target) => target !== 'extra'));
  return named.size >= 3;
}
