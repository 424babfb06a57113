/**
 * What the audit entry of a read that hands out records says about them: the acting organisation and how many
 * records of each reporting Party went out. Searches, record views and exports write it the same way, so the
 * Parties' access receipts (features/access-receipts) can be folded from the log without knowing each action.
 */
import type { Actor } from '../../../shared/actor.ts';

export interface RecordsReturned {
  organisationId: string | null;
  /** Reporting Party (ISO alpha-2) → number of its records returned. */
  partyCounts: Record<string, number>;
}

export function recordsReturned(actor: Actor, partyCounts: Record<string, number>): RecordsReturned {
  return { organisationId: actor.kind === 'user' ? actor.organisationId : null, partyCounts };
}

/** Counts the records of each Party in a list of their reporting Parties. */
export function countByParty(parties: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const party of parties) {
    const code = party.trim();
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}
