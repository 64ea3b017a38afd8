#!/usr/bin/env node
/**
 * `netsplit` (package.json "bin"; `npm run sim` and `npx netsplit` start it): runs the runner from its bundle,
 * rebuilding the bundle first when its sources changed (bundle.mjs). The runner's own exit status and output.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBundle } from './bundle.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
let dir;
try {
  dir = await ensureBundle(root);
} catch (error) {
  process.stderr.write(`netsplit: could not build the runner (vite.cli.config.ts): ${error?.message ?? error}\n`);
  process.exit(1);
}
const { runAsProcess } = await import(pathToFileURL(join(dir, 'main.mjs')).href);
await runAsProcess(process.argv.slice(2));
