/**
 * The old names of requestContextOf and RequestContext (ADR 0012), kept while reports and imports use them: to
 * remove when reports and imports move. New code imports src/server/http/request-context.ts.
 */
export { requestContextOf as requestMeta } from '../../http/request-context.ts';
export type { RequestMeta } from './identity-deps.ts';
