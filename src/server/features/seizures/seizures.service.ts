/**
 * The seizure explorer's use cases: search, one record, figures, facets. Each reads as the actor (row-level
 * security applies) only through visibleTo(actor), and no answer leaves without its audit entry: in the read's own
 * transaction, or — when the read goes to the replica — committed on the primary before it (auditedRead, ADR 0015).
 * An entry written before the read says what was asked; one written with it also says what was found.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/actor.ts';
import { can as roleCan } from '../../../shared/permissions.ts';
import {
  COUNT_CAP,
  FACETS,
  type Facet,
  type SeizureDetail,
  type SeizureFacets,
  type SeizureFilter,
  type SeizurePage,
  type SeizureSearchQuery,
  type SeizureSort,
  type SeizureStats,
  type SeizureStatsQuery,
} from '../../../shared/seizures.contract.ts';
import type { DB } from '../../db/schema.ts';
import { auditedRead } from '../../db/audited-read.ts';
import type { ReadReplica } from '../../db/read-replica.ts';
import type { Tx } from '../../db/with-actor.ts';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { countByParty, recordAudit, recordsReturned, type AuditContext } from '../audit/index.ts';
import { decodeCursor, encodeCursor } from './seizure-cursor.ts';
import { presentRecordView, selectRecordWithVersions } from '../seizure-records/index.ts';
import { toDetail, toItem } from './seizure-view.ts';
import { filterConditions, type ResolvedFilter } from './seizure-filters.ts';
import { selectFigureFacets, selectFigureGroups, selectFigureTotal } from './seizure-figures.repo.ts';
import { audienceOf, seizureAbilities, visibleTo } from './seizures.policy.ts';
import { selectFirstPage, selectPage } from './seizure-pages.repo.ts';
import { selectFigures } from './seizure-stats.repo.ts';
import { resolveFilter, selectFacets, type SeizureRow } from './seizures.repo.ts';

export interface SeizureDeps {
  db: Kysely<DB>;
  clock: () => Date;
  /** The replica searches, figures and record views may read from (DATABASE_READ_URL). */
  reads?: ReadReplica | undefined;
}

export interface RequestContext {
  ipAddress: string | null;
  requestId: string | null;
}

function auditContext(deps: SeizureDeps, actor: Actor, request: RequestContext): AuditContext {
  return { actor, clock: deps.clock, ...request };
}

/**
 * Lists and figures are refused outright to users without ITD access (igo users, access not granted): the role
 * table says so, and an empty answer would suggest the ITD is empty. One record is a 404 for them instead.
 */
function requireItdReader(actor: Actor): void {
  if (!roleCan(actor, 'itd.read')) throw new ForbiddenError();
}

/**
 * The audience whose ready figures answer this request (migrations/0017), when no filter is set; with a filter the
 * figures are computed from the records.
 */
function readyFiguresAudience(actor: Actor, filter: ResolvedFilter): string | null {
  return filterConditions(filter).length === 0 ? audienceOf(actor) : null;
}

/** The filters as given, for the audit entry (what was asked, never what was found). */
function filtersOf(query: SeizureFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}

export async function searchSeizures(
  deps: SeizureDeps,
  actor: Actor,
  request: RequestContext,
  query: SeizureSearchQuery,
): Promise<SeizurePage> {
  requireItdReader(actor);
  const { sort, cursor, limit, ...filter } = query;
  const after = decodeCursor(cursor, sort);
  return auditedRead(deps, actor, {
    read: async (tx) => {
      const visible = visibleTo(actor);
      const resolved = await resolveFilter(tx, filter, actor);
      const { rows, total } =
        after === null
          ? await firstPage(tx, actor, { filter: resolved, sort, limit: limit + 1 })
          : {
              rows: await selectPage(tx, visible, { filter: resolved, sort, after, limit: limit + 1 }),
              total: null,
            };
      const pageRows = rows.slice(0, limit);
      const last = pageRows.at(-1);
      const nextCursor = rows.length > limit && last ? encodeCursor(sort, last.sort_key, last.id) : null;
      return { items: pageRows.map(toItem), nextCursor, total };
    },
    audit: (tx, page) =>
      recordAudit(tx, auditContext(deps, actor, request), {
        action: 'seizure.search',
        details: {
          filters: filtersOf(filter),
          sort,
          page: cursor === undefined ? 1 : 'next',
          ...(page ? { resultCount: page.items.length } : {}),
          // Whose records the page showed, for the Parties' access receipts.
          ...(page
            ? recordsReturned(actor, countByParty(page.items.map((item) => item.reportingParty)))
            : {}),
          ...(page?.total ? { total: page.total.count, totalIsCapped: page.total.isCapped } : {}),
        },
      }),
  });
}

/**
 * The first page with the number of matches: without a filter the number is the ready total of the caller's
 * audience (exact, however large); with one, matches are counted up to COUNT_CAP in the pass that finds the page.
 */
async function firstPage(
  tx: Tx,
  actor: Actor,
  page: { filter: ResolvedFilter; sort: SeizureSort; limit: number },
): Promise<{ rows: SeizureRow[]; total: { count: number; isCapped: boolean } }> {
  const visible = visibleTo(actor);
  const audience = readyFiguresAudience(actor, page.filter);
  if (audience) {
    const rows = await selectPage(tx, visible, { ...page, after: null });
    const figures = await selectFigureTotal(tx, audience);
    return { rows, total: { count: Number(figures.count), isCapped: false } };
  }
  const first = await selectFirstPage(tx, visible, page, COUNT_CAP);
  if (first.matched <= COUNT_CAP)
    return { rows: first.rows, total: { count: first.matched, isCapped: false } };
  const rows = await selectPage(tx, visible, { ...page, after: null });
  return { rows, total: { count: COUNT_CAP, isCapped: true } };
}

export async function readSeizure(
  deps: SeizureDeps,
  actor: Actor,
  request: RequestContext,
  id: number,
): Promise<SeizureDetail> {
  return auditedRead(deps, actor, {
    read: async (tx) => {
      const row = await selectRecordWithVersions(tx, { id, visible: visibleTo(actor) });
      // Security: missing and invisible are the same 404 (the query cannot tell them apart either).
      if (!row) throw new NotFoundError();
      const abilities = seizureAbilities(actor, {
        reportingParty: row.reporting_party,
        isPublished: row.is_published,
        shareParties: row.share_parties,
        shareIccwc: row.share_iccwc,
        concernedParties: row.concerned_parties,
      });
      // One record shape for every page (the drawer's); its abilities in the record's own words.
      const record = presentRecordView(row, abilities.includes('seizure.correct') ? ['correct'] : []);
      return toDetail(record, abilities);
    },
    audit: (tx, detail) =>
      recordAudit(tx, auditContext(deps, actor, request), {
        action: 'seizure.view',
        targetType: 'seizure_record',
        targetId: String(id),
        details: detail
          ? {
              version: detail.record.version,
              ...recordsReturned(actor, countByParty([detail.record.reportingParty])),
            }
          : {},
      }),
  });
}

export async function seizureStats(
  deps: SeizureDeps,
  actor: Actor,
  request: RequestContext,
  query: SeizureStatsQuery,
): Promise<SeizureStats> {
  requireItdReader(actor);
  const { groupBy, rank, role, top, ...filter } = query;
  return auditedRead(deps, actor, {
    read: async (tx): Promise<SeizureStats> => {
      const visible = visibleTo(actor);
      const resolved = await resolveFilter(tx, filter, actor);
      const audience = readyFiguresAudience(actor, resolved);
      const { groups, total } = audience
        ? {
            groups: await selectFigureGroups(tx, audience, { groupBy, rank, role, top }),
            total: await selectFigureTotal(tx, audience),
          }
        : await selectFigures(tx, visible, { filter: resolved, groupBy, rank, role, top });
      return {
        groupBy,
        groups: groups.map((group) => ({
          key: group.key,
          label: group.label,
          ...(groupBy === 'route' ? { from: group.from_country ?? null, to: group.to_country ?? null } : {}),
          count: Number(group.count),
          specimens: Number(group.specimens ?? 0),
          kg: Number(group.kg ?? 0),
        })),
        total: {
          count: Number(total.count),
          specimens: Number(total.specimens ?? 0),
          kg: Number(total.kg ?? 0),
        },
      };
    },
    audit: (tx, stats) =>
      recordAudit(tx, auditContext(deps, actor, request), {
        action: 'seizure.stats',
        details: {
          filters: filtersOf(filter),
          groupBy,
          ...(groupBy === 'taxon' ? { rank } : {}),
          ...(groupBy === 'country' ? { role } : {}),
          ...(stats ? { resultCount: stats.total.count } : {}),
        },
      }),
  });
}

export async function seizureFacets(
  deps: SeizureDeps,
  actor: Actor,
  request: RequestContext,
  filter: SeizureFilter,
): Promise<SeizureFacets> {
  requireItdReader(actor);
  return auditedRead(deps, actor, {
    read: async (tx): Promise<SeizureFacets> => {
      const resolved = await resolveFilter(tx, filter, actor);
      const audience = readyFiguresAudience(actor, resolved);
      const rows = audience
        ? await selectFigureFacets(tx, audience)
        : await selectFacets(tx, visibleTo(actor), resolved);
      const facets = Object.fromEntries(
        FACETS.map((facet) => [facet, [] as { value: string; count: number }[]]),
      );
      for (const row of rows) {
        if (row.value === null) continue;
        facets[row.facet as Facet]?.push({ value: row.value, count: Number(row.count) });
      }
      for (const values of Object.values(facets))
        values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
      // Every record has a reporting Party, so the Party facet adds up to the matching records.
      const total = (facets.party ?? []).reduce((sum, value) => sum + value.count, 0);
      return { facets: facets as SeizureFacets['facets'], total };
    },
    audit: (tx, answer) =>
      recordAudit(tx, auditContext(deps, actor, request), {
        action: 'seizure.facets',
        details: { filters: filtersOf(filter), ...(answer ? { resultCount: answer.total } : {}) },
      }),
  });
}
