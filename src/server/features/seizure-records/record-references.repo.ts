/**
 * The reference data a correction is checked against (countries, the checklist, CITES terms and units), read in the
 * caller's transaction. Each answers only what the correction asks about.
 */
import type { Tx } from '../../db/with-actor.ts';
import type { UnitMeasure } from './quantity-conversion.ts';

/** The codes among these that name a known country or territory. */
export async function selectKnownCountries(tx: Tx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx
    .selectFrom('countries')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((row) => row.code.trim()));
}

export interface TaxonFacts {
  name: string;
  appendix: string | null;
  family: string | null;
  orderName: string | null;
}

export async function selectTaxonFacts(tx: Tx, taxonId: number): Promise<TaxonFacts | null> {
  const row = await tx
    .selectFrom('taxa')
    .select(['name', 'appendix', 'family', 'order_name'])
    .where('id', '=', taxonId)
    .executeTakeFirst();
  return row
    ? { name: row.name, appendix: row.appendix, family: row.family, orderName: row.order_name }
    : null;
}

export async function isKnownTerm(tx: Tx, code: string): Promise<boolean> {
  const row = await tx
    .selectFrom('cites_codes')
    .select('code')
    .where('kind', '=', 'term')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** The unit's base and factor, or null for a code that is not a CITES unit. */
export async function selectUnitMeasure(tx: Tx, code: string): Promise<UnitMeasure | null> {
  const row = await tx
    .selectFrom('cites_codes')
    .select(['base_unit', 'factor'])
    .where('kind', '=', 'unit')
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { baseUnit: row.base_unit, factor: row.factor === null ? null : Number(row.factor) } : null;
}
