import { Writable } from 'node:stream';
import { createLogger } from '@complaints/config';
import { describeEachDatabase } from '@complaints/db/testing';
import { handleError } from '@complaints/ui/remix/entry-server';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';

const NAME = 'Bethan Angharad Pritchard-Jones';

/** A logger as the apps and the worker make it, writing its lines here instead of to stdout. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('test', 'debug', destination), lines };
}

describeEachDatabase('logs of a failing query', (database) => {
  it('carry the database error’s code and never the values bound to it', async () => {
    // A query whose error message repeats the value it was given, as PostgreSQL's do.
    const error = await database()
      .db.execute(sql`select ${NAME}::int as n`)
      .then(() => null, (e: unknown) => e as Error & { cause?: Error });
    expect(error).not.toBeNull();
    const raw = [error!.message, error!.cause?.message, error!.stack].join('\n');
    expect(raw, 'the error itself carries the name, so the logs must take it out').toContain(NAME);

    const { logger, lines } = capturedLogger();
    // As the HTTP shell's last error handler and the worker's jobs log an error.
    logger.error({ requestId: 'r-1', err: error }, 'unhandled error');
    logger.error({ err: error, job: 'housekeeping' }, 'scheduled job failed');
    // As Remix logs an error a loader or action threw: through the load context's logError.
    handleError(error, {
      request: new Request('http://localhost/complaints/1'),
      params: {},
      context: { logError: (e: unknown) => logger.error({ requestId: 'r-2', err: e }, 'request failed') } as never,
    });
    await new Promise((resolve) => setImmediate(resolve));

    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(NAME);
      expect(line).not.toContain('Pritchard');
      expect(JSON.parse(line).err).toEqual({ type: 'DatabaseError', code: '22P02' });
    }
  });
});
