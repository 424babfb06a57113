/** What the group use cases need, passed in explicitly (STYLE §3). */
import type { UserActor } from '../../../shared/actor.ts';
import type { IdentityDeps, RequestMeta } from '../identity/identity-deps.ts';
import type { FileSealer } from './file-sealing.ts';

export interface GroupsDeps extends IdentityDeps {
  files: FileSealer;
}

/** One request's acting user, clock and origin (for the audit log). */
export interface GroupCtx {
  actor: UserActor;
  clock: () => Date;
  meta: RequestMeta;
}

export const auditCtx = (ctx: GroupCtx) => ({ actor: ctx.actor, clock: ctx.clock, ...ctx.meta });
