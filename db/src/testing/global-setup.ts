import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openInMemory, openPostgres } from '../client';
import { migrateDatabase } from '../migrate';
import { seedReferenceData } from '../seed/reference-data';

import './provided-context';

/**
 * Migrates the schema once per run: into an embedded database saved as a file, and, when
 * DATABASE_URL is set, into a template database on PostgreSQL. Each test file then starts from a
 * copy, which is much faster than migrating every time.
 */
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), 'complaints-test-'));
  const embedded = await openInMemory();
  await migrateDatabase(embedded);
  await seedReferenceData(embedded.db);
  const dump = await embedded.pglite!.dumpDataDir('gzip');
  const templatePath = path.join(folder, 'template.tar.gz');
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await embedded.close();
  project.provide('pgliteTemplatePath', templatePath);

  let template: { url: string; name: string } | null = null;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `complaints_template_${randomBytes(4).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = withDatabase(serverUrl, name);
    const handle = await openPostgres(url);
    await migrateDatabase(handle);
    await seedReferenceData(handle.db);
    await handle.close();
    await admin.end();
    template = { url: serverUrl, name };
  }
  project.provide('postgresTemplate', template);

  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (template && serverUrl) {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${template.name} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
