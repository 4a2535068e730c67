import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A message as the sink stored it: its file, its Subject header and its raw bytes. */
export type ReceivedMessage = { file: string; subject: string; raw: Buffer };

export type SmtpSinkOptions = {
  /** Slows each message, to catch a sender part-way through a batch. */
  delayMs?: number;
  /**
   * Called once a message is stored and before the sink answers the end of its DATA. The answer
   * waits for the returned promise, so a test can hold a sender at the one moment SMTP leaves
   * ambiguous: the server has the message, the sender has not yet heard so.
   */
  onMessage?: (message: ReceivedMessage) => void | Promise<void>;
};

/**
 * A real SMTP server on loopback that accepts every message and writes it to a folder as an .eml
 * file, so tests and journeys can read the emails the system sent.
 */
export async function startSmtpSink(folder: string, options: SmtpSinkOptions = {}): Promise<{ port: number; close(): Promise<void> }> {
  mkdirSync(folder, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        setTimeout(() => {
          count += 1;
          const raw = Buffer.concat(chunks);
          // Stored before the answer, as a mail server commits a message before it says 250.
          const file = path.join(folder, `${Date.now()}-${String(count).padStart(4, '0')}.eml`);
          writeFileSync(file, raw);
          const subject = /^Subject: (.*)$/m.exec(raw.toString('utf8'))?.[1]?.trim() ?? '';
          Promise.resolve(options.onMessage?.({ file, subject, raw })).then(
            () => callback(),
            (error: Error) => callback(error),
          );
        }, options.delayMs ?? 0);
      });
    },
  });
  // A sender killed while its answer was held leaves a broken connection behind; that is expected.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
