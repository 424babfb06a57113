/**
 * The validation rules as data: what each problem code means, whether it blocks the row or only warns, and its
 * message in the three languages ({placeholders} come from the problem's parameters). The checks themselves are
 * in validate-row.ts; which columns are required and how long free text may be are here too.
 */
import type { ImportColumn, ProblemCode, Severity } from '../../../../shared/imports.contract.ts';
import type { Language } from '../../../../shared/languages.ts';

export interface Rule {
  severity: Severity;
  message: Record<Language, string>;
}

export const RULES: Record<ProblemCode, Rule> = {
  required: {
    severity: 'blocking',
    message: {
      en: 'A value is required in this column.',
      fr: 'Une valeur est requise dans cette colonne.',
      es: 'Esta columna requiere un valor.',
    },
  },
  too_long: {
    severity: 'blocking',
    message: {
      en: 'The text is longer than {max} characters.',
      fr: 'Le texte dépasse {max} caractères.',
      es: 'El texto supera los {max} caracteres.',
    },
  },
  // A byte of the file that is not valid in its encoding (UTF-8) was read as U+FFFD: a character was lost there.
  invalid_characters: {
    severity: 'warning',
    message: {
      en: 'The file had bytes here that are not valid text in its encoding (UTF-8); they read as “\uFFFD”. Please retype the letters they stood for.',
      fr: 'Le fichier contenait ici des octets qui ne sont pas du texte valide dans son encodage (UTF-8) ; ils se lisent « \uFFFD ». Veuillez ressaisir les lettres qu’ils représentaient.',
      es: 'El archivo tenía aquí bytes que no son texto válido en su codificación (UTF-8); se leen «\uFFFD». Vuelva a escribir las letras que representaban.',
    },
  },
  date_invalid: {
    severity: 'blocking',
    message: {
      en: '“{value}” is not a date: write dd/mm/yyyy, or mm/yyyy when only the month is known.',
      fr: '« {value} » n’est pas une date : écrivez jj/mm/aaaa, ou mm/aaaa si seul le mois est connu.',
      es: '«{value}» no es una fecha: escriba dd/mm/aaaa, o mm/aaaa si solo se conoce el mes.',
    },
  },
  date_in_future: {
    severity: 'blocking',
    message: {
      en: 'The date {date} is in the future.',
      fr: 'La date {date} est dans le futur.',
      es: 'La fecha {date} es futura.',
    },
  },
  date_outside_year: {
    severity: 'warning',
    message: {
      en: 'The date {date} is outside the report year {year}.',
      fr: 'La date {date} est en dehors de l’année du rapport ({year}).',
      es: 'La fecha {date} está fuera del año del informe ({year}).',
    },
  },
  species_unknown: {
    severity: 'blocking',
    message: {
      en: '“{value}” is not a name in the CITES checklist.',
      fr: '« {value} » n’est pas un nom de la liste CITES.',
      es: '«{value}» no es un nombre de la lista CITES.',
    },
  },
  species_not_cites: {
    severity: 'warning',
    message: {
      en: '{name} is not listed in the CITES Appendices.',
      fr: '{name} n’est pas inscrit aux Annexes CITES.',
      es: '{name} no está incluido en los Apéndices de la CITES.',
    },
  },
  term_unknown: {
    severity: 'blocking',
    message: {
      en: '“{value}” is not a CITES term code or name.',
      fr: '« {value} » n’est pas un code ou un nom de spécimen CITES.',
      es: '«{value}» no es un código o nombre de espécimen CITES.',
    },
  },
  unit_unknown: {
    severity: 'blocking',
    message: {
      en: '“{value}” is not a CITES unit code or name (leave it blank for a number of specimens).',
      fr: '« {value} » n’est pas un code ou un nom d’unité CITES (laissez vide pour un nombre de spécimens).',
      es: '«{value}» no es un código o nombre de unidad CITES (déjelo vacío para un número de especímenes).',
    },
  },
  term_unit_implausible: {
    severity: 'warning',
    message: {
      en: '{term} are seldom counted in {unit}: please check.',
      fr: 'Les {term} se mesurent rarement en {unit} : veuillez vérifier.',
      es: 'Los {term} rara vez se miden en {unit}: compruébelo.',
    },
  },
  quantity_invalid: {
    severity: 'blocking',
    message: {
      en: '“{value}” is not a number: put the number here and the unit in the Unit column.',
      fr: '« {value} » n’est pas un nombre : mettez le nombre ici et l’unité dans la colonne Unité.',
      es: '«{value}» no es un número: ponga el número aquí y la unidad en la columna Unidad.',
    },
  },
  quantity_not_positive: {
    severity: 'blocking',
    message: {
      en: 'The quantity must be greater than zero.',
      fr: 'La quantité doit être supérieure à zéro.',
      es: 'La cantidad debe ser mayor que cero.',
    },
  },
  country_unknown: {
    severity: 'blocking',
    message: {
      en: '“{value}” is not a known country or territory (use the ISO code or the name).',
      fr: '« {value} » n’est pas un pays ou territoire connu (utilisez le code ISO ou le nom).',
      es: '«{value}» no es un país o territorio conocido (use el código ISO o el nombre).',
    },
  },
  country_region_only: {
    severity: 'warning',
    message: {
      en: '“{value}” names a region, not a country: it is recorded as unknown (XX).',
      fr: '« {value} » désigne une région et non un pays : il est enregistré comme inconnu (XX).',
      es: '«{value}» designa una región y no un país: se registra como desconocido (XX).',
    },
  },
  duplicate_in_file: {
    severity: 'warning',
    message: {
      en: 'The same seizure is already on row {first} of this file; it is not imported unless you accept it.',
      fr: 'La même saisie figure déjà à la ligne {first} de ce fichier ; elle n’est importée que si vous l’acceptez.',
      es: 'La misma incautación ya figura en la fila {first} de este archivo; no se importa salvo que la acepte.',
    },
  },
  duplicate_stored: {
    severity: 'warning',
    message: {
      en: 'The same seizure is already stored for this Party; it is not imported unless you accept it.',
      fr: 'La même saisie est déjà enregistrée pour cette Partie ; elle n’est importée que si vous l’acceptez.',
      es: 'La misma incautación ya está registrada para esta Parte; no se importa salvo que la acepte.',
    },
  },
  date_order_unsettled: {
    severity: 'blocking',
    message: {
      en: '“{value}” reads as {dayFirst} (day first) or {monthFirst} (month first), and the file’s other dates do not settle which: choose the file’s date order.',
      fr: '« {value} » se lit {dayFirst} (jour d’abord) ou {monthFirst} (mois d’abord), et les autres dates du fichier ne tranchent pas : choisissez l’ordre des dates du fichier.',
      es: '«{value}» se lee {dayFirst} (día primero) o {monthFirst} (mes primero), y las demás fechas del archivo no lo aclaran: elija el orden de las fechas del archivo.',
    },
  },
  number_unsettled: {
    severity: 'blocking',
    message: {
      en: '“{value}” reads as {point} or {comma} depending on the decimal mark, and the file’s other numbers do not settle which: choose the file’s decimal mark.',
      fr: '« {value} » se lit {point} ou {comma} selon le séparateur décimal, et les autres nombres du fichier ne tranchent pas : choisissez le séparateur décimal du fichier.',
      es: '«{value}» se lee {point} o {comma} según el separador decimal, y los demás números del archivo no lo aclaran: elija el separador decimal del archivo.',
    },
  },
  quantity_not_whole: {
    severity: 'warning',
    message: {
      en: '{value} is a number of specimens but not a whole number: please check.',
      fr: '{value} est un nombre de spécimens mais pas un nombre entier : veuillez vérifier.',
      es: '{value} es un número de especímenes pero no un número entero: compruébelo.',
    },
  },
  country_several: {
    severity: 'blocking',
    message: {
      en: '“{value}” names several countries ({codes}) where one is expected: keep one here and the others in Additional information.',
      fr: '« {value} » nomme plusieurs pays ({codes}) là où un seul est attendu : gardez-en un ici et les autres dans Informations complémentaires.',
      es: '«{value}» nombra varios países ({codes}) donde se espera uno: deje uno aquí y los demás en Información adicional.',
    },
  },
  country_former_name: {
    severity: 'warning',
    message: {
      en: '“{value}” is a former name: it is recorded as {code}.',
      fr: '« {value} » est un ancien nom : il est enregistré comme {code}.',
      es: '«{value}» es un nombre antiguo: se registra como {code}.',
    },
  },
  totals_row: {
    severity: 'blocking',
    message: {
      en: 'This row is a total of the rows above, not a seizure: it is left out.',
      fr: 'Cette ligne est un total des lignes précédentes, pas une saisie : elle est laissée de côté.',
      es: 'Esta fila es un total de las filas anteriores, no una incautación: se deja fuera.',
    },
  },
};

export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'Date of seizure',
  'Species',
  'Description of specimen',
  'Quantity',
];

/** Longest accepted text per cell; free-text notes may be longer than the coded columns. */
export const MAX_LENGTH = { default: 500, 'Additional information': 4000 } as const;

export function problemMessage(
  code: ProblemCode,
  language: Language,
  params: Record<string, unknown>,
): string {
  return RULES[code].message[language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
