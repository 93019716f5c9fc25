// Errors that mean "a backing service is down", not "the request is wrong": the user gets a
// 503 page that says to try again shortly, and /readyz turns red.
const REDIS_DOWN =
  /enableOfflineQueue|Command timed out|Connection is closed|Reached the max retries|ECONNREFUSED|ETIMEDOUT|getaddrinfo/;
const DB_DOWN_CODES = new Set([
  'P1001',
  'P1002',
  'P1017',
  'ER_GET_CONNECTION_TIMEOUT',
  'ECONNREFUSED',
]);

export function isInfrastructureDown(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && DB_DOWN_CODES.has(code)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return REDIS_DOWN.test(error.message) || (cause !== undefined && isInfrastructureDown(cause));
}
