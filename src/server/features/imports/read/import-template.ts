/**
 * The report template the platform hands out: an XLSX workbook (instructions in the chosen language, the header
 * block with the sharing answers, the seizure sheet with drop-down lists for terms, units and countries, and the
 * lists themselves) and the same columns as a CSV header row, written through the spreadsheet toolkit, which makes
 * every cell formula-safe.
 */
import { IMPORT_COLUMNS, type ImportColumn } from '../../../../shared/imports.contract.ts';
import type { Language } from '../../../../shared/languages.ts';
import type { Tx } from '../../../db/with-actor.ts';
import { writeToBuffer } from '../../../lib/spreadsheets/in-memory-output.ts';
import { csvText } from '../../../lib/spreadsheets/write-csv.ts';
import { columnLetter, openXlsxWriter } from '../../../lib/spreadsheets/write-xlsx.ts';
import { templateHeader } from './import-columns.ts';
import { selectTemplateLists } from './template-lists.repo.ts';

const TEMPLATE_ROWS = 2000;

const TEXT: Record<
  Language,
  {
    instructions: string[];
    header: string[];
    yes: string;
    no: string;
    sheets: [string, string, string, string];
  }
> = {
  en: {
    sheets: ['Instructions', 'Report', 'Seizures', 'Lists'],
    instructions: [
      'Annual illegal trade report: how to fill in this template',
      '1. On the sheet "Report", give the reporting Party, the year covered, the agencies, the contact and the three sharing answers (Yes or No).',
      '2. On the sheet "Seizures", write one row per seizure. Keep the column headers; columns may be moved.',
      '3. Date of seizure: dd/mm/yyyy (mm/yyyy when only the month is known). Species: the scientific name at the lowest rank known (a genus as "Genus spp.").',
      '4. Description of specimen and Unit: a CITES code or its name, from the drop-down lists. Leave Unit blank for a number of specimens.',
      '5. Quantity: a number only (put the unit in the Unit column).',
      '6. Countries: ISO code or name. Several countries (transit, nationalities): separate them with ";".',
      '7. Upload the file on the platform: every problem is shown with its row, column and a suggested fix before anything is stored.',
    ],
    header: [
      'Reporting Party (ISO code)',
      'Year covered',
      'Agency preparing the report',
      'Contributing agencies',
      'Contact person',
      'Contact e-mail',
      'Date submitted',
      'Other Parties may see the published data',
      'ICCWC partners may use the data',
      'Elephant records may be shared with ETIS',
    ],
    yes: 'Yes',
    no: 'No',
  },
  fr: {
    sheets: ['Instructions', 'Rapport', 'Saisies', 'Listes'],
    instructions: [
      'Rapport annuel sur le commerce illégal : comment remplir ce modèle',
      '1. Dans la feuille « Rapport », indiquez la Partie, l’année couverte, les organismes, le contact et les trois réponses sur le partage (Oui ou Non).',
      '2. Dans la feuille « Saisies », une ligne par saisie. Gardez les en-têtes ; les colonnes peuvent être déplacées.',
      '3. Date de la saisie : jj/mm/aaaa (mm/aaaa si seul le mois est connu). Espèce : le nom scientifique au rang le plus bas connu (un genre : « Genre spp. »).',
      '4. Description du spécimen et Unité : un code CITES ou son nom, dans les listes déroulantes. Laissez Unité vide pour un nombre de spécimens.',
      '5. Quantité : un nombre seulement (l’unité va dans la colonne Unité).',
      '6. Pays : code ISO ou nom. Plusieurs pays (transit, nationalités) : séparez-les par « ; ».',
      '7. Téléversez le fichier sur la plateforme : chaque problème est indiqué avec sa ligne, sa colonne et une correction proposée avant tout enregistrement.',
    ],
    header: [
      'Partie déclarante (code ISO)',
      'Année couverte',
      'Organisme ayant préparé le rapport',
      'Organismes ayant contribué',
      'Personne de contact',
      'Courriel de contact',
      'Date de soumission',
      'Les autres Parties peuvent voir les données publiées',
      'Les partenaires de l’ICCWC peuvent utiliser les données',
      'Les données sur les éléphants peuvent être transmises à ETIS',
    ],
    yes: 'Oui',
    no: 'Non',
  },
  es: {
    sheets: ['Instrucciones', 'Informe', 'Decomisos', 'Listas'],
    instructions: [
      'Informe anual sobre el comercio ilegal: cómo rellenar esta plantilla',
      '1. En la hoja «Informe», indique la Parte, el año cubierto, los organismos, el contacto y las tres respuestas sobre el intercambio (Sí o No).',
      '2. En la hoja «Decomisos», una fila por incautación. Conserve los encabezados; las columnas pueden moverse.',
      '3. Fecha de la incautación: dd/mm/aaaa (mm/aaaa si solo se conoce el mes). Especie: el nombre científico del rango más bajo conocido (un género: «Género spp.»).',
      '4. Descripción del espécimen y Unidad: un código CITES o su nombre, de las listas desplegables. Deje Unidad vacía para un número de especímenes.',
      '5. Cantidad: solo un número (la unidad va en la columna Unidad).',
      '6. Países: código ISO o nombre. Varios países (tránsito, nacionalidades): sepárelos con «;».',
      '7. Suba el archivo a la plataforma: cada problema se muestra con su fila, su columna y una corrección sugerida antes de guardar nada.',
    ],
    header: [
      'Parte informante (código ISO)',
      'Año cubierto',
      'Organismo que preparó el informe',
      'Organismos que contribuyeron',
      'Persona de contacto',
      'Correo de contacto',
      'Fecha de presentación',
      'Otras Partes pueden ver los datos publicados',
      'Los socios del ICCWC pueden usar los datos',
      'Los datos sobre elefantes pueden compartirse con ETIS',
    ],
    yes: 'Sí',
    no: 'No',
  },
};

const LIST_COLUMNS: Partial<Record<ImportColumn, 'term' | 'unit' | 'country'>> = {
  'Description of specimen': 'term',
  Unit: 'unit',
  'Country of origin': 'country',
  'Country of export': 'country',
  'Country of destination': 'country',
};

export function templateCsv(language: Language): string {
  return csvText([IMPORT_COLUMNS.map((c) => templateHeader(c, language))]);
}

/**
 * The template workbook, written sheet by sheet through the spreadsheet toolkit (so every cell is guarded). A step
 * inside the download's transaction, which reads the lists of the drop-downs.
 */
export async function templateXlsx(tx: Tx, language: Language): Promise<Buffer> {
  const text = TEXT[language];
  const lists = await selectTemplateLists(tx, language);
  return writeToBuffer(async (output) => {
    const book = openXlsxWriter(output);
    const [instructionsName, reportName, seizuresName, listsName] = text.sheets;

    const instructions = book.addSheet(instructionsName, { columnWidths: [140] });
    for (const [i, line] of text.instructions.entries())
      await instructions.addRow([line], i === 0 ? { bold: true, size: 14 } : undefined);

    const report = book.addSheet(reportName, { columnWidths: [55, 40] });
    for (const [i, label] of text.header.entries()) {
      await report.addRow([label], { bold: true });
      // The three sharing answers (the last rows) are Yes or No.
      if (i >= 7) report.addListValidation(`B${i + 1}`, `"${text.yes},${text.no}"`);
    }

    const seizures = book.addSheet(seizuresName, {
      columnWidths: IMPORT_COLUMNS.map(() => 22),
      frozenRows: 1,
    });
    await seizures.addRow(
      IMPORT_COLUMNS.map((c) => templateHeader(c, language)),
      { bold: true },
    );
    // Drop-downs suggest the codes from the hidden list sheet (two columns per list: code, then name); a name
    // typed instead is accepted too, so the check only warns.
    const kinds = ['term', 'unit', 'country'] as const;
    IMPORT_COLUMNS.forEach((column, i) => {
      const kind = LIST_COLUMNS[column];
      if (!kind) return;
      const letter = columnLetter(kinds.indexOf(kind) * 2 + 1);
      seizures.addListValidation(
        `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${TEMPLATE_ROWS}`,
        `'${listsName}'!$${letter}$1:$${letter}$${lists[kind].length}`,
        { warnOnly: true },
      );
    });

    const listSheet = book.addSheet(listsName, { hidden: true });
    const longest = Math.max(...kinds.map((kind) => lists[kind].length));
    for (let i = 0; i < longest; i++)
      await listSheet.addRow(kinds.flatMap((kind) => lists[kind][i] ?? [null, null]));
    await book.finish();
  });
}
