/**
 * `npm run test:fuzz`: the CI fuzz sweep (src/cli/sweep.ts) from the runner's bundle, rebuilt first when its
 * sources changed (bin/bundle.mjs). The sweep's own output and exit status.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBundle } from '../bin/bundle.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
await import(pathToFileURL(join(await ensureBundle(root), 'sweep.mjs')).href);
