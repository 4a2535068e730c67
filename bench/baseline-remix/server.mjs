// Serves the bare Remix baseline with the same Express adapter and compression as our apps.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));
const build = await import(pathToFileURL(path.join(here, 'build', 'server', 'index.js')).href);
const app = express();
app.disable('x-powered-by');
app.use(compression());
app.use('/assets', express.static(path.join(here, 'build', 'client', 'assets'), { immutable: true, maxAge: '1y' }));
app.all('*', createRequestHandler({ build, mode: 'production' }));
const port = Number(process.env.PORT ?? 3299);
app.listen(port, '127.0.0.1', () => process.stdout.write(`ready ${port}\n`));
