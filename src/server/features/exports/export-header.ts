/**
 * The header block every exported file opens with (a sheet of its own in XLSX): the citation with the date
 * accessed, the export id, the organisation and time, the filters in words, the reporting Parties whose data it
 * holds, the terms' reminder, the aggregation statement for figures, what small-cell protection hid, the
 * translation disclaimer in French and Spanish, and the designations disclaimer. Pure.
 */
import type { Language } from '../../../shared/languages.ts';
import type { ExportGroup } from '../../../shared/exports.contract.ts';
import type { SpreadsheetRow } from '../../lib/spreadsheets/spreadsheet-cell.ts';
import { fill, GROUP_NAMES, WORDS } from './export-texts.ts';

type Words = Record<Language, string>;

const FILTER_NAMES: Record<string, Words> = {
  yearFrom: { en: 'Year from', fr: 'Année à partir de', es: 'Año desde' },
  yearTo: { en: 'Year to', fr: "Année jusqu'à", es: 'Año hasta' },
  dateFrom: { en: 'Date from', fr: 'Date à partir du', es: 'Fecha desde' },
  dateTo: { en: 'Date to', fr: "Date jusqu'au", es: 'Fecha hasta' },
  party: { en: 'Reporting Party', fr: 'Partie déclarante', es: 'Parte informante' },
  country: { en: 'Country', fr: 'Pays', es: 'País' },
  countryRole: { en: 'Country role', fr: 'Rôle du pays', es: 'Función del país' },
  taxon: { en: 'Taxon (and below)', fr: 'Taxon (et en dessous)', es: 'Taxón (y por debajo)' },
  appendix: { en: 'CITES Appendix', fr: 'Annexe CITES', es: 'Apéndice CITES' },
  term: { en: 'Term', fr: 'Terme', es: 'Término' },
  unit: { en: 'Unit', fr: 'Unité', es: 'Unidad' },
  detectionMethod: { en: 'Detection method', fr: 'Méthode de détection', es: 'Método de detección' },
  transportMode: { en: 'Mode of transport', fr: 'Mode de transport', es: 'Medio de transporte' },
  locationType: { en: 'Location type', fr: 'Type de lieu', es: 'Tipo de lugar' },
  quantityMin: { en: 'Quantity at least', fr: 'Quantité au moins', es: 'Cantidad mínima' },
  quantityMax: { en: 'Quantity at most', fr: 'Quantité au plus', es: 'Cantidad máxima' },
  q: { en: 'Text', fr: 'Texte', es: 'Texto' },
  shareEtis: { en: 'Shared with ETIS', fr: 'Partagé avec ETIS', es: 'Compartido con ETIS' },
};

/** The filters as "Name: value; …" in the export's language; the country role only when a country is chosen. */
export function filtersInWords(filters: Record<string, unknown>, language: Language): string {
  const parts = Object.entries(filters)
    .filter(
      ([key, value]) => value !== undefined && !(key === 'countryRole' && filters.country === undefined),
    )
    .map(([key, value]) => {
      const name = FILTER_NAMES[key]?.[language] ?? key;
      const text = Array.isArray(value)
        ? value.join(', ')
        : typeof value === 'boolean'
          ? WORDS[value ? 'yes' : 'no'][language]
          : String(value);
      return `${name}: ${text}`;
    });
  return parts.length === 0 ? WORDS.noFilters[language] : parts.join('; ');
}

export interface HeaderFacts {
  exportId: string;
  organisation: string;
  madeAt: Date;
  language: Language;
  filters: Record<string, unknown>;
  /** The reporting Parties whose records the file holds, as "KE Kenya". */
  parties: readonly string[];
  /** For figures: the grouping, and what small-cell protection hid (publication only). */
  aggregation?: { groupBy: ExportGroup; suppression?: SuppressionNote };
}

export interface SuppressionNote {
  primary: number;
  secondary: number;
  maxCount: number;
  share: number;
  mark: string;
}

/** The header block as rows of two cells: what, and its value. */
export function headerRows(facts: HeaderFacts): SpreadsheetRow[] {
  const lang = facts.language;
  const date = facts.madeAt.toISOString().slice(0, 10);
  const rows: [string, string][] = [
    [WORDS.citation[lang], fill(WORDS.citationText[lang], { date })],
    [WORDS.exportId[lang], facts.exportId],
    [WORDS.madeBy[lang], facts.organisation],
    [WORDS.madeAt[lang], facts.madeAt.toISOString().replace('T', ' ').slice(0, 19)],
    [WORDS.filters[lang], filtersInWords(facts.filters, lang)],
    [WORDS.parties[lang], facts.parties.join('; ')],
    [WORDS.terms[lang], WORDS.termsText[lang]],
  ];
  if (facts.aggregation) {
    const group = GROUP_NAMES[facts.aggregation.groupBy][lang];
    rows.push([WORDS.aggregation[lang], fill(WORDS.aggregationText[lang], { group })]);
    const note = facts.aggregation.suppression;
    if (note)
      rows.push([
        WORDS.suppression[lang],
        fill(WORDS.suppressionText[lang], {
          primary: note.primary,
          secondary: note.secondary,
          maxCount: note.maxCount,
          share: Math.round(note.share * 100),
          mark: note.mark,
        }),
      ]);
  }
  if (lang !== 'en') rows.push([WORDS.translation[lang], WORDS.translationText[lang]]);
  rows.push([WORDS.designations[lang], WORDS.designationsText[lang]]);
  return rows;
}
