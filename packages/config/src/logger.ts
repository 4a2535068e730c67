import pino, { type DestinationStream, type Logger } from 'pino';
import { loggableError } from './loggable-error';

export type { Logger };

/**
 * Structured JSON logs. They must never carry personal data: log ids, counts and outcomes, never
 * names, addresses, email addresses or what someone wrote. Known fields are redacted as a backstop,
 * and an error (`err` or `error`) is written as `loggableError` makes it: a database error as its
 * code only, since its message carries the values of the query. `destination` is for tests.
 */
export function createLogger(name: string, level: string = 'info', destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    base: { service: name },
    serializers: { err: loggableError, error: loggableError },
    redact: {
      paths: ['email', '*.email', 'password', '*.password', 'fullName', '*.fullName', 'phone', '*.phone', 'req.headers.cookie', 'cookie'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
