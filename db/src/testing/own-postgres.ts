import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

/**
 * A PostgreSQL server of a test's own, made with Debian's `initdb` and run with `pg_ctl` in a
 * temporary folder on a free port: a test may stop it, start it again, or kill it, which it must
 * never do to the machine's shared server. PostgreSQL refuses to run as root, so when the tests run
 * as root the server runs as the `postgres` user that Debian's package creates.
 */
export type OwnPostgres = {
  /** The server's `postgres` database, for making others. */
  url: string;
  port: number;
  /** A new empty database on this server. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server at once (fast shutdown: connections are cut, as in an outage). */
  stop(): void;
  /** Starts it again on the same port and data. */
  start(): void;
  /** Stops it if running and removes its folder. */
  destroy(): void;
};

function binDirectory(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL server programs (initdb, pg_ctl) were not found under /usr/lib/postgresql: install Debian\'s postgresql package.');
  return path.join(base, newest, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDirectory();
  const asRoot = process.getuid?.() === 0;
  const folder = mkdtempSync(path.join(tmpdir(), 'own-postgres-'));
  const data = path.join(folder, 'data');
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(folder, Number(ids), Number(gid));
    chmodSync(folder, 0o700);
  }
  const run = (program: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : path.join(bin, program), asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: folder,
    });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  const port = await freePort();
  // No durability is wanted of a test's server; the socket lives in its own folder, not /var/run.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  let running = false;
  const start = () => {
    run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(folder, 'server.log'), '-w', '-t', '60', 'start']);
    running = true;
  };
  const stop = () => {
    if (!running) return;
    run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
    running = false;
  };
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`create database ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
    start,
    destroy() {
      try {
        stop();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
