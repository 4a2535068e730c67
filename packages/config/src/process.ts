/**
 * Runs a long-lived process: starts it, prints known start-up problems as one plain sentence (no
 * stack trace), and on SIGINT or SIGTERM stops it once, cleanly, then exits.
 */
export type Stoppable = { stop(): Promise<void> };

/** Errors whose message is already a sentence for the person starting the system. */
export function isPlainStartupError(error: unknown): error is Error {
  const name = (error as { name?: string } | null)?.name;
  return name === 'ConfigurationError' || name === 'DatabaseUnavailableError' || name === 'StartupError';
}

export class StartupError extends Error {
  override name = 'StartupError';
}

export async function runUntilStopped(start: () => Promise<Stoppable>): Promise<void> {
  let running: Stoppable;
  try {
    running = await start();
  } catch (error) {
    if (isPlainStartupError(error)) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`Could not start: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`Stopping (${signal})…\n`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await running.stop();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`Stopped with an error: ${(error as Error)?.message ?? String(error)}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
