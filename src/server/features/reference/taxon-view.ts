/** Shapes stored taxa into the API's view (camelCase, common names grouped by language). */
import type { Taxon, TaxonRank } from '../../../shared/reference.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import type { TaxonRow } from './reference.repo.ts';
import { otherNamesOf } from './taxa-query.repo.ts';

export function toTaxon(
  row: TaxonRow,
  names: { kind: string; language: string | null; name: string }[],
): Taxon {
  const common = (language: 'en' | 'fr' | 'es') =>
    names.filter((n) => n.kind === 'common' && n.language === language).map((n) => n.name);
  return {
    id: Number(row.id),
    name: row.name,
    rank: row.rank as TaxonRank,
    author: row.author,
    appendix: row.appendix,
    kingdom: row.kingdom,
    className: row.class_name,
    orderName: row.order_name,
    family: row.family,
    genus: row.genus,
    isCitesAccepted: row.is_cites_accepted,
    commonNames: { en: common('en'), fr: common('fr'), es: common('es') },
  };
}

/** Many rows at once: one query for all their names. */
export async function toTaxa(tx: Tx, rows: TaxonRow[]): Promise<Taxon[]> {
  const names = await otherNamesOf(
    tx,
    rows.map((row) => Number(row.id)),
  );
  return rows.map((row) => toTaxon(row, names.get(Number(row.id)) ?? []));
}
