/** The reference lists an import checks against, read once per import in the caller's transaction. */
import type { Tx } from '../../../db/with-actor.ts';

/** select code, name_en, name_fr, name_es from countries */
export function selectCountryNames(tx: Tx) {
  return tx.selectFrom('countries').select(['code', 'name_en', 'name_fr', 'name_es']).execute();
}

/** select kind, code, labels, base_unit, factor from cites_codes where kind in ('term', 'unit') */
export function selectTermsAndUnits(tx: Tx) {
  return tx
    .selectFrom('cites_codes')
    .select(['kind', 'code', 'label_en', 'label_fr', 'label_es', 'base_unit', 'factor'])
    .where('kind', 'in', ['term', 'unit'])
    .execute();
}

/** select code from countries where code = $1: is the Party of an upload a country the platform knows? */
export async function isKnownCountry(tx: Tx, code: string): Promise<boolean> {
  const known = await tx.selectFrom('countries').select('code').where('code', '=', code).executeTakeFirst();
  return known !== undefined;
}
