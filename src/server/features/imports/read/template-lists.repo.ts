/** The lists the template's drop-downs offer, in the template's language: CITES terms and units, and countries. */
import type { Language } from '../../../../shared/languages.ts';
import type { Tx } from '../../../db/with-actor.ts';

/** Code and name pairs, ordered by code. */
export interface TemplateLists {
  term: [string, string][];
  unit: [string, string][];
  country: [string, string][];
}

/**
 *   select kind, code, label_xx from cites_codes where kind in ('term', 'unit') order by code
 *   select code, name_xx from countries order by code
 */
export async function selectTemplateLists(tx: Tx, language: Language): Promise<TemplateLists> {
  const labelColumn = language === 'fr' ? 'label_fr' : language === 'es' ? 'label_es' : 'label_en';
  const nameColumn = language === 'fr' ? 'name_fr' : language === 'es' ? 'name_es' : 'name_en';
  const codes = await tx
    .selectFrom('cites_codes')
    .select(['kind', 'code', labelColumn])
    .where('kind', 'in', ['term', 'unit'])
    .orderBy('code')
    .execute();
  const countries = await tx.selectFrom('countries').select(['code', nameColumn]).orderBy('code').execute();
  return {
    term: codes.filter((c) => c.kind === 'term').map((c) => [c.code, String(c[labelColumn as 'label_en'])]),
    unit: codes.filter((c) => c.kind === 'unit').map((c) => [c.code, String(c[labelColumn as 'label_en'])]),
    country: countries.map((c) => [c.code.trim(), String(c[nameColumn as 'name_en'])]),
  };
}
