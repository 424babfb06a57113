/**
 * A Party's access receipts (GET /api/v1/access-receipts): which organisations searched, viewed or downloaded its
 * records, per day, with how many records, over a period (the last 365 days unless asked), and per organisation.
 */
import type { Actor } from '../../../shared/actor.ts';
import type {
  AccessReceipt,
  AccessReceiptList,
  AccessReceiptQuery,
  OrganisationAccess,
} from '../../../shared/access-receipts.contract.ts';
import { withActor } from '../../db/with-actor.ts';
import { ValidationError } from '../../errors.ts';
import type { RequestContext } from '../../lib/request-context.ts';
import { auditContextOf, recordAudit } from '../audit/index.ts';
import { selectReceipts } from './access-receipts.repo.ts';
import type { AccessReceiptsDeps } from './access-receipts-deps.ts';
import { receiptPartyOf } from './access-receipts.policy.ts';
import { foldAccessReceipts } from './fold-access-receipts.ts';

const DAY = 86_400_000;
const DEFAULT_DAYS = 365;
/** Daily rows shown at most (a Party read by every organisation every day still fits a year in this). */
const MAX_ROWS = 5_000;

/** A `date` column as YYYY-MM-DD, whichever form the driver gives it in. */
export function dayOf(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const utc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0;
  const [y, m, d] = utc
    ? [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()]
    : [value.getFullYear(), value.getMonth() + 1, value.getDate()];
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export async function listAccessReceipts(
  deps: AccessReceiptsDeps,
  actor: Actor,
  request: RequestContext,
  query: AccessReceiptQuery,
): Promise<AccessReceiptList> {
  const party = receiptPartyOf(actor, query.party);
  const now = deps.clock();
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(now.getTime() - DEFAULT_DAYS * DAY).toISOString().slice(0, 10);
  if (from > to) throw new ValidationError([{ field: 'from', reason: 'invalid' }]);
  await foldAccessReceipts(deps.db);
  return withActor(
    deps.db,
    actor,
    async (tx) => {
      const rows = await selectReceipts(tx, { party, from, to, limit: MAX_ROWS });
      const items: AccessReceipt[] = rows.map((row) => ({
        day: dayOf(row.day),
        organisationName: row.organisation_name,
        organisationKind: row.organisation_kind,
        kind: row.kind,
        events: row.events,
        records: Number(row.records),
      }));
      await recordAudit(tx, auditContextOf(actor, deps.clock, request), {
        action: 'access.receipts_read',
        details: { party, from, to, shown: items.length },
      });
      return { party, from, to, organisations: byOrganisation(items), items };
    },
    { readsOnly: true },
  );
}

/** The period's totals per organisation, the most records first. */
export function byOrganisation(items: AccessReceipt[]): OrganisationAccess[] {
  const totals = new Map<string, OrganisationAccess>();
  for (const item of items) {
    const key = `${item.organisationKind}\u0000${item.organisationName}`;
    const total = totals.get(key) ?? {
      organisationName: item.organisationName,
      organisationKind: item.organisationKind,
      searched: 0,
      viewed: 0,
      downloaded: 0,
      lastDay: item.day,
    };
    if (item.kind === 'search') total.searched += item.records;
    if (item.kind === 'view') total.viewed += item.records;
    if (item.kind === 'download') total.downloaded += item.records;
    if (item.day > total.lastDay) total.lastDay = item.day;
    totals.set(key, total);
  }
  const sum = (t: OrganisationAccess) => t.searched + t.viewed + t.downloaded;
  return [...totals.values()].sort(
    (a, b) => sum(b) - sum(a) || a.organisationName.localeCompare(b.organisationName),
  );
}
