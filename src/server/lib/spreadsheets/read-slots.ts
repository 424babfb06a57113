/**
 * How many spreadsheet reads (uploads being read and checked) may run at once in this server, and for one user.
 * Reading a large file takes a core and up to a few hundred megabytes; without a cap, a handful of uploads at once
 * could take the whole machine. A read past either cap is refused at once (the client may retry), never queued:
 * a queue would hold the uploaded bytes in memory while it waits. One instance serves every feature that reads
 * uploads (report imports, and permit or group files later), so the caps hold across them.
 */

export interface ReadSlotLimits {
  /** Reads at once in this server. */
  perServer: number;
  /** Reads at once for one user. */
  perUser: number;
}

/** Which cap refused a read: this user's or the server's. */
export class ReadSlotsBusyError extends Error {
  constructor(
    readonly scope: 'user' | 'server',
    readonly limit: number,
  ) {
    super(`${scope === 'user' ? 'you already have' : 'the server already has'} ${limit} file(s) being read`);
  }
}

export class ReadSlots {
  private total = 0;
  private readonly byUser = new Map<string, number>();

  constructor(readonly limits: ReadSlotLimits) {}

  /** Takes a slot for `user`, or throws ReadSlotsBusyError; the returned function gives it back (once). */
  take(user: string): () => void {
    const mine = this.byUser.get(user) ?? 0;
    if (mine >= this.limits.perUser) throw new ReadSlotsBusyError('user', this.limits.perUser);
    if (this.total >= this.limits.perServer) throw new ReadSlotsBusyError('server', this.limits.perServer);
    this.total += 1;
    this.byUser.set(user, mine + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.total -= 1;
      const left = (this.byUser.get(user) ?? 1) - 1;
      if (left === 0) this.byUser.delete(user);
      else this.byUser.set(user, left);
    };
  }

  /** Reads going on now (for tests and diagnostics). */
  get inUse(): number {
    return this.total;
  }
}
