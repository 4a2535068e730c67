import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. They must never carry personal data: log ids, counts and outcomes, never
 * names, addresses, email addresses or what someone wrote. Known fields are redacted as a backstop.
 */
export function createLogger(name: string, level: string = 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: {
      paths: ['email', '*.email', 'password', '*.password', 'fullName', '*.fullName', 'phone', '*.phone', 'req.headers.cookie', 'cookie'],
      censor: '[redacted]',
    },
  });
}
