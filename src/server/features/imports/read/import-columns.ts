/**
 * The seizure sheet's columns: the canonical English header of each, and the headers a Party may write instead
 * (French, Spanish, older wordings). Kept as data; the template writes the first header of each language.
 */
import { IMPORT_COLUMNS, type ImportColumn } from '../../../../shared/imports.contract.ts';
import type { Language } from '../../../../shared/languages.ts';

export const COLUMN_HEADERS: Record<ImportColumn, Record<Language, readonly string[]>> = {
  'Date of seizure': {
    en: ['Date of seizure', 'Seizure date', 'Date'],
    fr: ['Date de la saisie', 'Date de saisie'],
    es: ['Fecha de la incautación', 'Fecha de incautación', 'Fecha del decomiso', 'Fecha'],
  },
  'Seizing agency': {
    en: ['Seizing agency', 'Agency'],
    fr: ['Organisme ayant procédé à la saisie', 'Service de saisie', 'Autorité de saisie'],
    es: ['Organismo que realizó la incautación', 'Organismo incautador', 'Autoridad incautadora'],
  },
  Species: {
    en: ['Species', 'Taxon', 'Scientific name'],
    fr: ['Espèce', 'Espèces', 'Nom scientifique'],
    es: ['Especie', 'Especies', 'Nombre científico'],
  },
  'Description of specimen': {
    en: ['Description of specimen', 'Description of specimens', 'Specimen', 'Term'],
    fr: ['Description du spécimen', 'Description des spécimens', 'Spécimen'],
    es: ['Descripción del espécimen', 'Descripción de los especímenes', 'Espécimen'],
  },
  Quantity: { en: ['Quantity'], fr: ['Quantité'], es: ['Cantidad'] },
  Unit: { en: ['Unit'], fr: ['Unité'], es: ['Unidad'] },
  'Reason for seizure': {
    en: ['Reason for seizure'],
    fr: ['Motif de la saisie', 'Raison de la saisie'],
    es: ['Motivo de la incautación', 'Razón de la incautación'],
  },
  'Location type': {
    en: ['Location type', 'Type of location'],
    fr: ['Type de lieu', 'Type de lieu de la saisie'],
    es: ['Tipo de lugar', 'Tipo de lugar de la incautación'],
  },
  Location: {
    en: ['Location', 'Place of seizure'],
    fr: ['Lieu', 'Lieu de la saisie'],
    es: ['Lugar', 'Lugar de la incautación'],
  },
  'Detection method': {
    en: ['Detection method', 'Method of detection'],
    fr: ['Méthode de détection', 'Mode de détection'],
    es: ['Método de detección'],
  },
  'Mode of transport': {
    en: ['Mode of transport', 'Transport mode'],
    fr: ['Mode de transport', 'Moyen de transport'],
    es: ['Medio de transporte', 'Modo de transporte'],
  },
  'Country of origin': { en: ['Country of origin'], fr: ["Pays d'origine"], es: ['País de origen'] },
  'Country of export': {
    en: ['Country of export', 'Country of export/re-export'],
    fr: ["Pays d'exportation", "Pays d'exportation/de réexportation"],
    es: ['País de exportación', 'País de exportación/reexportación'],
  },
  'Countries of transit': {
    en: ['Countries of transit', 'Country of transit', 'Transit countries'],
    fr: ['Pays de transit'],
    es: ['Países de tránsito', 'País de tránsito'],
  },
  'Country of destination': {
    en: ['Country of destination', 'Destination country'],
    fr: ['Pays de destination'],
    es: ['País de destino'],
  },
  'Nationality of offenders': {
    en: ['Nationality of offenders', 'Nationality of offender', 'Offender nationality'],
    fr: ['Nationalité des contrevenants', 'Nationalité des délinquants'],
    es: ['Nacionalidad de los infractores', 'Nacionalidad de los delincuentes'],
  },
  'Additional information': {
    en: ['Additional information', 'Comments', 'Remarks'],
    fr: ['Informations complémentaires', 'Informations supplémentaires', 'Remarques'],
    es: ['Información adicional', 'Observaciones'],
  },
  'Country of seizure': {
    en: ['Country of seizure', 'Seizure country', 'Seizing country'],
    fr: ['Pays de la saisie', 'Pays de saisie'],
    es: ['País de la incautación', 'País de incautación'],
  },
  'Second quantity': { en: ['Second quantity'], fr: ['Deuxième quantité'], es: ['Segunda cantidad'] },
  'Second unit': { en: ['Second unit'], fr: ['Deuxième unité'], es: ['Segunda unidad'] },
  'Permit number': {
    en: [
      'Permit number',
      'Permit numbers',
      'CITES permit number',
      'Permit no.',
      'Permit or certificate number',
    ],
    fr: [
      'Numéro de permis',
      'Numéros de permis',
      'Numéro du permis CITES',
      'N° de permis',
      'Numéro de certificat',
    ],
    es: [
      'Número de permiso',
      'Números de permiso',
      'Número del permiso CITES',
      'N° de permiso',
      'Número de certificado',
    ],
  },
};

/** Header text compared without case, accents, punctuation, line breaks or repeated spaces. */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\(.*?\)|\*/g, ' ')
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

const BY_KEY = new Map<string, ImportColumn>();
for (const column of IMPORT_COLUMNS) {
  for (const headers of Object.values(COLUMN_HEADERS[column])) {
    for (const header of headers) if (!BY_KEY.has(headerKey(header))) BY_KEY.set(headerKey(header), column);
  }
}

export function columnOfHeader(text: string): ImportColumn | null {
  return BY_KEY.get(headerKey(text)) ?? null;
}

/** The header the template writes for a column in a language. */
export function templateHeader(column: ImportColumn, language: Language): string {
  return COLUMN_HEADERS[column][language][0]!;
}

export interface ColumnLayout {
  /** Index of each canonical column in the row (the first header naming it wins). */
  columns: Map<ImportColumn, number>;
  /** Other non-blank headers, by index. */
  unknown: Map<number, string>;
  missing: ImportColumn[];
}

export function layoutOfHeader(header: readonly string[]): ColumnLayout {
  const columns = new Map<ImportColumn, number>();
  const unknown = new Map<number, string>();
  header.forEach((text, index) => {
    if (text.trim() === '') return;
    const column = columnOfHeader(text);
    if (column && !columns.has(column)) columns.set(column, index);
    else unknown.set(index, text.replace(/\s+/g, ' ').trim());
  });
  return { columns, unknown, missing: IMPORT_COLUMNS.filter((c) => !columns.has(c)) };
}
