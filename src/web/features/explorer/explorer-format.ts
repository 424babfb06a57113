/** How the explorer writes dates of seizure, quantities and counts in the reader's language. */
import type { Language } from '../../../shared/languages.ts';
import type { SeizureItem } from '../../../shared/seizures.contract.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** A date as precise as the Party gave it: "12 Mar 2021", "March 2021" or "2021"; the year when there is none. */
export function formatSeizureDate(
  item: Pick<SeizureItem, 'date' | 'datePrecision' | 'year'>,
  language: Language,
): string {
  if (item.date === null) return String(item.year);
  const [year, month, day] = item.date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return item.date;
  const date = new Date(Date.UTC(year, month - 1, day));
  const locale = LOCALES[language];
  switch (item.datePrecision) {
    case 'year':
      return String(year);
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        date,
      );
    case 'day':
    case null:
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  }
}

/** "12.5 KIL", "3 PCS"; a quantity without unit is a number of specimens. */
export function formatQuantity(item: Pick<SeizureItem, 'quantity' | 'unitCode'>, language: Language): string {
  if (item.quantity === null) return '—';
  const number = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 3 }).format(item.quantity);
  return item.unitCode ? `${number} ${item.unitCode}` : number;
}

export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(count);
}
