/**
 * The words every exported file carries, in the export's language (EN/FR/ES): column names, the notes of the
 * header block and the terms' statements. Kept as data so the three languages stay side by side.
 */
import type { Language } from '../../../shared/languages.ts';
import type { ExportColumn, ExportGroup } from '../../../shared/exports.contract.ts';

type Words = Record<Language, string>;

export const COLUMN_NAMES: Record<Exclude<ExportColumn, 'original'>, Words> = {
  id: { en: 'Record id', fr: "Identifiant de l'enregistrement", es: 'Identificador del registro' },
  reportId: { en: 'Report id', fr: 'Identifiant du rapport', es: 'Identificador del informe' },
  reportingParty: { en: 'Reporting Party', fr: 'Partie déclarante', es: 'Parte informante' },
  reportYear: { en: 'Report year', fr: 'Année du rapport', es: 'Año del informe' },
  year: { en: 'Year of seizure', fr: 'Année de la saisie', es: 'Año de la incautación' },
  version: { en: 'Version', fr: 'Version', es: 'Versión' },
  seizureDate: { en: 'Date of seizure', fr: 'Date de la saisie', es: 'Fecha de la incautación' },
  datePrecision: { en: 'Date precision', fr: 'Précision de la date', es: 'Precisión de la fecha' },
  seizingAgency: { en: 'Seizing agency', fr: 'Organisme de saisie', es: 'Organismo incautador' },
  taxon: { en: 'Taxon', fr: 'Taxon', es: 'Taxón' },
  taxonName: { en: 'Species as reported', fr: 'Espèce déclarée', es: 'Especie declarada' },
  appendix: { en: 'CITES Appendix', fr: 'Annexe CITES', es: 'Apéndice CITES' },
  termCode: { en: 'Term', fr: 'Terme', es: 'Término' },
  quantity: { en: 'Quantity', fr: 'Quantité', es: 'Cantidad' },
  unitCode: { en: 'Unit', fr: 'Unité', es: 'Unidad' },
  quantityKg: { en: 'Quantity (kg)', fr: 'Quantité (kg)', es: 'Cantidad (kg)' },
  quantityCount: { en: 'Specimens', fr: 'Spécimens', es: 'Especímenes' },
  reason: { en: 'Reason for seizure', fr: 'Motif de la saisie', es: 'Motivo de la incautación' },
  locationType: { en: 'Location type', fr: 'Type de lieu', es: 'Tipo de lugar' },
  locationName: { en: 'Location', fr: 'Lieu', es: 'Lugar' },
  detectionMethod: { en: 'Detection method', fr: 'Méthode de détection', es: 'Método de detección' },
  transportMode: { en: 'Mode of transport', fr: 'Mode de transport', es: 'Medio de transporte' },
  seizureCountry: { en: 'Country of seizure', fr: 'Pays de la saisie', es: 'País de la incautación' },
  originCountry: { en: 'Country of origin', fr: "Pays d'origine", es: 'País de origen' },
  exportCountry: { en: 'Country of export', fr: "Pays d'exportation", es: 'País de exportación' },
  transitCountries: { en: 'Countries of transit', fr: 'Pays de transit', es: 'Países de tránsito' },
  destinationCountry: { en: 'Country of destination', fr: 'Pays de destination', es: 'País de destino' },
  offenderNationalities: {
    en: 'Nationality of offenders',
    fr: 'Nationalité des contrevenants',
    es: 'Nacionalidad de los infractores',
  },
  additionalInfo: {
    en: 'Additional information',
    fr: 'Informations complémentaires',
    es: 'Información adicional',
  },
  isElephant: { en: 'Elephant record', fr: "Enregistrement d'éléphant", es: 'Registro de elefante' },
};

export const WORDS = {
  label: { en: 'name', fr: 'nom', es: 'nombre' },
  original: { en: 'As reported', fr: 'Tel que déclaré', es: 'Tal como se declaró' },
  yes: { en: 'yes', fr: 'oui', es: 'sí' },
  no: { en: 'no', fr: 'non', es: 'no' },
  about: { en: 'About this file', fr: 'À propos de ce fichier', es: 'Acerca de este archivo' },
  data: { en: 'Data', fr: 'Données', es: 'Datos' },
  citation: { en: 'Citation', fr: 'Citation', es: 'Cita' },
  citationText: {
    en: 'Illegal Trade Database (CITES) [accessed {date}]',
    fr: 'Illegal Trade Database (CITES) [consultée le {date}]',
    es: 'Illegal Trade Database (CITES) [consultada el {date}]',
  },
  exportId: { en: 'Export id', fr: "Identifiant de l'export", es: 'Identificador de la exportación' },
  madeBy: {
    en: 'Made by (organisation)',
    fr: 'Réalisé par (organisation)',
    es: 'Realizado por (organización)',
  },
  madeAt: { en: 'Made at (UTC)', fr: 'Réalisé le (UTC)', es: 'Realizado el (UTC)' },
  filters: { en: 'Filters', fr: 'Filtres', es: 'Filtros' },
  noFilters: {
    en: 'none: every record you may see',
    fr: 'aucun : tous les enregistrements que vous pouvez voir',
    es: 'ninguno: todos los registros que puede ver',
  },
  parties: {
    en: 'Reporting Parties whose data it contains',
    fr: 'Parties déclarantes dont il contient des données',
    es: 'Partes informantes cuyos datos contiene',
  },
  terms: { en: 'Terms of use', fr: "Conditions d'utilisation", es: 'Condiciones de uso' },
  termsText: {
    en: 'Restricted and confidential. Delete it when no longer needed and record the deletion under My downloads. Cite it as above, state any modification or aggregation, and do not pass it on or publish it without the consent of the reporting Parties.',
    fr: "Restreint et confidentiel. Supprimez-le lorsqu'il n'est plus nécessaire et déclarez la suppression dans Mes téléchargements. Citez-le comme ci-dessus, indiquez toute modification ou agrégation et ne le transmettez ni ne le publiez sans le consentement des Parties déclarantes.",
    es: 'Restringido y confidencial. Elimínelo cuando ya no lo necesite y declare la eliminación en Mis descargas. Cítelo como se indica arriba, indique toda modificación o agregación y no lo transmita ni lo publique sin el consentimiento de las Partes informantes.',
  },
  aggregation: { en: 'Aggregation', fr: 'Agrégation', es: 'Agregación' },
  aggregationText: {
    en: 'Figures aggregated by the ITD Platform from the records of the Parties listed, grouped by {group}: number of records, specimens and kg. They are not the records themselves.',
    fr: 'Chiffres agrégés par la plateforme ITD à partir des enregistrements des Parties indiquées, groupés par {group} : nombre d’enregistrements, spécimens et kg. Ce ne sont pas les enregistrements eux-mêmes.',
    es: 'Cifras agregadas por la plataforma ITD a partir de los registros de las Partes indicadas, agrupadas por {group}: número de registros, especímenes y kg. No son los registros en sí.',
  },
  translation: { en: 'Translation', fr: 'Traduction', es: 'Traducción' },
  translationText: {
    en: '',
    fr: "Les intitulés et notes de ce fichier sont traduits de l'anglais ; seul le texte anglais fait foi. Les valeurs déclarées par les Parties sont reproduites telles quelles.",
    es: 'Los encabezados y notas de este archivo están traducidos del inglés; solo el texto en inglés es auténtico. Los valores declarados por las Partes se reproducen tal cual.',
  },
  designations: { en: 'Designations', fr: 'Appellations', es: 'Denominaciones' },
  designationsText: {
    en: 'The designations employed and the presentation of the material do not imply the expression of any opinion whatsoever on the part of the CITES Secretariat concerning the legal status of any country, territory, or area, or concerning the delimitation of its frontiers or boundaries.',
    fr: "Les appellations employées et la présentation des données n'impliquent de la part du Secrétariat CITES aucune prise de position quant au statut juridique des pays, territoires ou zones, ni quant au tracé de leurs frontières ou limites.",
    es: 'Las denominaciones empleadas y la presentación de los datos no implican, por parte de la Secretaría CITES, juicio alguno sobre la condición jurídica de países, territorios o zonas, ni respecto de la delimitación de sus fronteras o límites.',
  },
  suppression: { en: 'Small cells', fr: 'Petites cellules', es: 'Celdas pequeñas' },
  suppressionText: {
    en: 'For publication: {primary} group(s) hidden because they count {maxCount} records or fewer, or because one or two records make up more than {share} % of their kg; {secondary} more hidden so that none can be worked out from the totals. Hidden cells are marked "{mark}".',
    fr: 'Pour publication : {primary} groupe(s) masqué(s) car ils comptent {maxCount} enregistrements ou moins, ou car un ou deux enregistrements font plus de {share} % de leurs kg ; {secondary} autre(s) masqué(s) afin qu’aucun ne puisse être déduit des totaux. Les cellules masquées sont marquées « {mark} ».',
    es: 'Para publicación: {primary} grupo(s) ocultado(s) porque cuentan {maxCount} registros o menos, o porque uno o dos registros suman más del {share} % de sus kg; {secondary} más ocultado(s) para que ninguno pueda deducirse de los totales. Las celdas ocultas se marcan «{mark}».',
  },
  group: { en: 'Group', fr: 'Groupe', es: 'Grupo' },
  records: { en: 'Records', fr: 'Enregistrements', es: 'Registros' },
  specimens: { en: 'Specimens', fr: 'Spécimens', es: 'Especímenes' },
  kg: { en: 'kg', fr: 'kg', es: 'kg' },
  total: { en: 'Total', fr: 'Total', es: 'Total' },
  unknown: { en: '(not given)', fr: '(non indiqué)', es: '(no indicado)' },
  hiddenReason: { en: 'Hidden', fr: 'Masqué', es: 'Oculto' },
} satisfies Record<string, Words>;

export const GROUP_NAMES: Record<ExportGroup, Words> = {
  year: { en: 'year of seizure', fr: 'année de la saisie', es: 'año de la incautación' },
  party: { en: 'reporting Party', fr: 'Partie déclarante', es: 'Parte informante' },
  taxon: { en: 'taxon', fr: 'taxon', es: 'taxón' },
  country: { en: 'country', fr: 'pays', es: 'país' },
  route: {
    en: 'route (origin > destination)',
    fr: 'route (origine > destination)',
    es: 'ruta (origen > destino)',
  },
};

/** A text with its {placeholders} filled. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
