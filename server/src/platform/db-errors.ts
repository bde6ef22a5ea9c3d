/**
 * Whether `error` means the database cannot be reached right now (down, restarting, in crash
 * recovery, the connection cut) rather than that the request was wrong: such a request is
 * answered 503 with Retry-After (errors.ts), and the pool reconnects by itself once PostgreSQL is
 * back. SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash shutdown, cannot
 * connect now: starting up or recovering), 53300 (too many connections), the socket errors Node
 * reports, and pg's own messages for a connection that ended or could not be had in time.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) {
      return true;
    }
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) {
      return true;
    }
  }
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(message)
  );
}
