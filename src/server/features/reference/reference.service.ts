/**
 * Reading the reference data for the web app and API clients. Functions take the transaction
 * opened by withActor for the caller; the reference tables are readable by every actor.
 */
import type {
  CitesCode,
  CodeKind,
  Country,
  TaxonDetail,
  TaxonRank,
  TaxonSearchResponse,
} from '../../../shared/reference.contract.ts';
import { normalizeName, splitSppSuffix } from '../../../shared/taxon-name.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ValidationError } from '../../errors.ts';
import { resolveTaxonName } from './resolve-taxon-name.ts';
import {
  findLineage,
  findTaxon,
  listDescendants,
  listTaxa,
  listTaxaNamed,
  otherNamesOf,
} from './taxa-query.repo.ts';
import { selectCodes, selectCountries } from './reference.repo.ts';
import { toTaxa, toTaxon } from './taxon-view.ts';

export async function listCountries(tx: Tx): Promise<Country[]> {
  const rows = await selectCountries(tx);
  return rows.map((row) => ({
    code: row.code,
    kind: row.kind,
    isCitesParty: row.is_cites_party,
    names: { en: row.name_en, fr: row.name_fr, es: row.name_es },
  }));
}

export async function listCodes(tx: Tx, kind: CodeKind | undefined): Promise<CitesCode[]> {
  const rows = await selectCodes(tx, kind);
  return rows.map((row) => ({
    kind: row.kind,
    code: row.code,
    labels: { en: row.label_en, fr: row.label_fr, es: row.label_es },
    baseUnit: row.base_unit,
    factor: row.factor === null ? null : Number(row.factor),
  }));
}

/** Cursors are opaque to clients: the last name of the page, base64url-encoded. */
const encodeCursor = (name: string) => Buffer.from(name, 'utf8').toString('base64url');
function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const name = Buffer.from(cursor, 'base64url').toString('utf8');
  // A cursor we did not make (edited, truncated) is refused rather than silently giving an empty page.
  if (name === '' || encodeCursor(name) !== cursor)
    throw new ValidationError([{ field: 'cursor', reason: 'invalid' }]);
  return name;
}

export interface TaxonSearch {
  q?: string | undefined;
  rank?: TaxonRank | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * A page of the checklist. Without q: every taxon by name. With q: when the resolver finds the taxon
 * it names, that taxon first and then everything below it; otherwise the taxa with a name containing q.
 */
export async function searchTaxa(tx: Tx, search: TaxonSearch): Promise<TaxonSearchResponse> {
  const afterName = decodeCursor(search.cursor);
  const page = { afterName, limit: search.limit + 1, rank: search.rank };
  const q = search.q?.trim() ?? '';
  if (q === '') return toPage(tx, await listTaxa(tx, page), search.limit, null);

  const resolution = await resolveTaxonName(tx, q);
  if (resolution.match) {
    const below = await listDescendants(tx, resolution.match.taxon.id, page);
    const isFirstPage = afterName === null;
    const head = isFirstPage && (!search.rank || search.rank === resolution.match.taxon.rank);
    const result = await toPage(tx, below, search.limit, resolution);
    if (head) result.items.unshift(resolution.match.taxon);
    return result;
  }
  const named = await listTaxaNamed(tx, splitSppSuffix(normalizeName(q)).base, page);
  return toPage(tx, named, search.limit, resolution);
}

async function toPage(
  tx: Tx,
  rows: Awaited<ReturnType<typeof listTaxa>>,
  limit: number,
  resolution: TaxonSearchResponse['resolution'],
): Promise<TaxonSearchResponse> {
  const hasMore = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const items = await toTaxa(tx, pageRows);
  const last = pageRows[pageRows.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(last.name) : null, resolution };
}

export async function getTaxon(tx: Tx, id: number): Promise<TaxonDetail | null> {
  const row = await findTaxon(tx, id);
  if (!row) return null;
  const names = (await otherNamesOf(tx, [Number(row.id)])).get(Number(row.id)) ?? [];
  const lineageIds = (row.lineage ?? []).map(Number).filter((ancestor) => ancestor !== Number(row.id));
  const lineage = await findLineage(tx, lineageIds);
  return {
    ...toTaxon(row, names),
    synonyms: names.filter((n) => n.kind === 'synonym').map((n) => n.name),
    lineage: lineage.map((item) => ({ id: Number(item.id), name: item.name, rank: item.rank as TaxonRank })),
  };
}
