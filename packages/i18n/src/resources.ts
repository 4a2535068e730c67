import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource, ResourceLanguage } from 'i18next';
import { SUPPORTED_LANGUAGES } from './config';

/**
 * Every namespace of every language, read once from content/locales. A namespace is a JSON file;
 * adding a file is all it takes to add one.
 */
const localesFolder = fileURLToPath(new URL('../../../content/locales', import.meta.url));

function load(): Resource {
  const resources: Resource = {};
  for (const language of SUPPORTED_LANGUAGES) {
    const folder = path.join(localesFolder, language);
    const namespaces: ResourceLanguage = {};
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      namespaces[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
    }
    resources[language] = namespaces;
  }
  return resources;
}

export const resources: Resource = load();
export const namespaces: string[] = Object.keys(resources.en ?? {});
