/** The reference lists a permit file is checked against, read once per file. */
import type { Tx } from '../../db/with-actor.ts';

export async function readCountryCodes(tx: Tx): Promise<Set<string>> {
  const rows = await tx.selectFrom('countries').select('code').execute();
  return new Set(rows.map((row) => row.code));
}

export async function readCitesCodes(tx: Tx) {
  const rows = await tx.selectFrom('cites_codes').select(['kind', 'code']).execute();
  const of = (kind: string) => new Set(rows.filter((row) => row.kind === kind).map((row) => row.code));
  return { term: of('term'), unit: of('unit'), source: of('source'), purpose: of('purpose') };
}
