/** What every report use case receives besides its transaction: who acts, the clock, and the request. */
import type { Actor } from '../../../shared/actor.ts';
import type { AuditContext } from '../audit/audit.service.ts';
import type { RequestMeta } from '../identity/identity-deps.ts';

export interface ReportContext {
  actor: Actor;
  clock: () => Date;
  meta?: RequestMeta | undefined;
}

export const auditContextOf = (ctx: ReportContext): AuditContext => ({
  actor: ctx.actor,
  clock: ctx.clock,
  ipAddress: ctx.meta?.ipAddress ?? null,
  requestId: ctx.meta?.requestId ?? null,
});

export const actorIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);
export const actorLabelOf = (actor: Actor): string | null =>
  actor.kind === 'anonymous' ? null : actor.label;
