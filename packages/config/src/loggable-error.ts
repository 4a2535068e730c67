/**
 * What a log line may say about an error. A database error's message and its wrapper's carry the
 * values bound to the query (PostgreSQL's "invalid input syntax for type integer: \"Jane Doe\"",
 * drizzle's "Failed query: … params: Jane Doe,…"), and those values are names, addresses and what
 * people wrote. So a database error is reduced to its SQLSTATE code; any other error keeps its
 * name, message and stack with email addresses taken out (an SMTP refusal names its recipient).
 */
export type LoggableError = { type: 'DatabaseError'; code: string } | { type: string; message: string; stack?: string };

const SQLSTATE = /^[0-9A-Z]{5}$/;
const DATABASE_ERROR_NAMES = new Set(['PostgresError', 'DatabaseError', 'DrizzleQueryError', 'TransactionRollbackError']);
const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; stack?: unknown; cause?: unknown; severity?: unknown; routine?: unknown };

function isDatabaseError(error: ErrorLike): boolean {
  if (typeof error.name === 'string' && DATABASE_ERROR_NAMES.has(error.name)) return true;
  if (typeof error.message === 'string' && error.message.startsWith('Failed query:')) return true;
  return typeof error.code === 'string' && SQLSTATE.test(error.code) && ('severity' in error || 'routine' in error);
}

export function loggableError(error: unknown): LoggableError {
  const chain: ErrorLike[] = [];
  for (let link: unknown = error; link && typeof link === 'object' && chain.length < 8; link = (link as ErrorLike).cause) chain.push(link as ErrorLike);
  if (chain.some(isDatabaseError)) {
    const code = chain.map((e) => e.code).find((c): c is string => typeof c === 'string' && SQLSTATE.test(c));
    return { type: 'DatabaseError', code: code ?? 'unknown' };
  }
  const first = chain[0];
  if (!first) return { type: typeof error, message: '' };
  const scrub = (text: unknown) => (typeof text === 'string' ? text.replace(EMAIL, '[email]') : '');
  return {
    type: typeof first.name === 'string' ? first.name : 'Error',
    message: scrub(first.message),
    ...(typeof first.stack === 'string' ? { stack: scrub(first.stack) } : {}),
  };
}
