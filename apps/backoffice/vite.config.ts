import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remixAppConfig } from '../../packages/ui/vite/app-config';

export default remixAppConfig(path.dirname(fileURLToPath(import.meta.url)), { discoverRoutes: false });
