/**
 * Telling a lost database connection from every other error. PostgreSQL restarting or failing over, an operator's
 * pg_terminate_backend and a network cut all end a connection under a request; such a request never ran to its
 * commit, so the server answers 503 (try again) instead of 500, and a transaction that only reads may be retried.
 */

/** SQLSTATE classes and codes that mean "this connection is gone or not yet usable", not "this query is wrong". */
const CONNECTION_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, or a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up or in recovery
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
]);

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTCONN',
]);

// node-postgres reports a socket that closed under a query with these messages and no code.
const LOST_MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error and is not queryable/i,
  /connection is closed/i,
  /timeout exceeded when trying to connect/i,
];

export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
  if (LOST_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  // An aggregate (several addresses refused) or a wrapped cause.
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && cause !== error && isConnectionLost(cause)) return true;
  const errors = (error as { errors?: unknown }).errors;
  return Array.isArray(errors) && errors.some((inner) => isConnectionLost(inner));
}
