/**
 * Runs a long-lived process: starts it, prints known start-up problems as one plain sentence (no
 * stack trace), and on SIGINT or SIGTERM stops it once, cleanly, then exits.
 */
export type Stoppable = {
  stop(): Promise<void>;
  /** The longest a clean stop may take before the process exits anyway (default 20 seconds). */
  stopWithinMs?: number;
};

/** Errors whose message is already a sentence for the person starting the system. */
export function isPlainStartupError(error: unknown): error is Error {
  const name = (error as { name?: string } | null)?.name;
  return name === 'ConfigurationError' || name === 'DatabaseUnavailableError' || name === 'StartupError';
}

export class StartupError extends Error {
  override name = 'StartupError';
}

export async function runUntilStopped(start: () => Promise<Stoppable>): Promise<void> {
  let running: Stoppable | null = null;
  let stopping: string | null = null;
  const stop = async (signal: string) => {
    if (stopping) {
      // Asked twice while still starting: stop at once.
      if (!running) process.exit(1);
      return;
    }
    stopping = signal;
    if (!running) {
      process.stdout.write(`Stopping (${signal}) as soon as it has started; ${signal} again stops it at once…\n`);
      return;
    }
    process.stdout.write(`Stopping (${signal})…\n`);
    const limit = running.stopWithinMs ?? 20_000;
    const force = setTimeout(() => {
      process.stderr.write(`Did not stop cleanly within ${Math.round(limit / 1000)} seconds; stopping now.\n`);
      process.exit(1);
    }, limit);
    force.unref();
    try {
      await running.stop();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`Stopped with an error: ${(error as Error)?.message ?? String(error)}\n`);
      process.exit(1);
    }
  };
  // Listened for before anything starts, so a signal that comes while starting is never the
  // default one that ends the process at once, without closing the database.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
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
  if (stopping) {
    const signal = stopping;
    stopping = null;
    await stop(signal);
  }
}

/**
 * React, Remix and other libraries choose their production builds from process.env.NODE_ENV when
 * they are first loaded. NODE_ENV means nothing else here (demo mode is DEMO, secure cookies follow
 * the public addresses); when the built apps are served, the process switches to the libraries' production builds, which are several times faster than
 * their development builds. Call it before anything that loads React is imported.
 */
export function useLibraryProductionBuilds(): void {
  process.env.NODE_ENV = 'production';
}
