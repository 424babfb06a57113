/** SQL of the sign-in throttle's evidence: failed passwords by address typed and caller's address (migration 0030). */
import { sql } from 'kysely';
import type { Tx } from '../../db/with-actor.ts';

export interface FailureCounts {
  /** Failures for this address typed from this caller's address, and the newest one. */
  pair: number;
  pairLast: Date | null;
  /** Failures from this caller's address, whatever address was typed, and the newest one. */
  fromAddress: number;
  fromAddressLast: Date | null;
  /** Failures for this address typed, from anywhere, and how many caller addresses reached the per-pair limit. */
  account: number;
  throttledAddresses: number;
}

/** The counts the throttle decides on, over failures since `since`, in one statement. */
export async function failureCounts(
  tx: Tx,
  input: { email: string; ipAddress: string; since: Date; pairLimit: number },
): Promise<FailureCounts> {
  const { email, ipAddress, since, pairLimit } = input;
  const row = await sql<{
    pair: string;
    pair_last: Date | null;
    from_address: string;
    from_address_last: Date | null;
    account: string;
    throttled_addresses: string;
  }>`
    select
      count(*) filter (where email = ${email} and ip_address = ${ipAddress}) as pair,
      max(failed_at) filter (where email = ${email} and ip_address = ${ipAddress}) as pair_last,
      count(*) filter (where ip_address = ${ipAddress}) as from_address,
      max(failed_at) filter (where ip_address = ${ipAddress}) as from_address_last,
      count(*) filter (where email = ${email}) as account,
      (select count(*) from (
         select ip_address from sign_in_failures
         where email = ${email} and failed_at > ${since}
         group by ip_address having count(*) >= ${pairLimit}
       ) as throttled) as throttled_addresses
    from sign_in_failures
    where failed_at > ${since} and (email = ${email} or ip_address = ${ipAddress})
  `.execute(tx);
  const r = row.rows[0]!;
  return {
    pair: Number(r.pair),
    pairLast: r.pair_last ? new Date(r.pair_last) : null,
    fromAddress: Number(r.from_address),
    fromAddressLast: r.from_address_last ? new Date(r.from_address_last) : null,
    account: Number(r.account),
    throttledAddresses: Number(r.throttled_addresses),
  };
}

/** Keeps one failed password; failures older than a day are dropped on the way (nothing decides on them). */
export async function recordPasswordFailure(
  tx: Tx,
  input: { email: string; ipAddress: string; at: Date },
): Promise<void> {
  await tx
    .insertInto('sign_in_failures')
    .values({ email: input.email, ip_address: input.ipAddress, failed_at: input.at })
    .execute();
  await tx
    .deleteFrom('sign_in_failures')
    .where('failed_at', '<', new Date(input.at.getTime() - 86_400_000))
    .execute();
}

/** A right password from this address forgets that address's failures for this account. */
export async function clearPairFailures(tx: Tx, email: string, ipAddress: string): Promise<void> {
  await tx
    .deleteFrom('sign_in_failures')
    .where('email', '=', email)
    .where('ip_address', '=', ipAddress)
    .execute();
}
