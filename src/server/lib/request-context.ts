/**
 * The one request context every use case receives beside its dependencies and its actor (ADR 0012): where the
 * request came from, for sessions and audit entries. Commands and jobs that act without a request pass
 * NO_REQUEST, so an audit entry always says whether a person's request caused it.
 */
export interface RequestContext {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** The context of work no HTTP request started: the `itd` command, jobs, the live stream's polls. */
export const NO_REQUEST: RequestContext = Object.freeze({
  ipAddress: null,
  userAgent: null,
  requestId: null,
});
