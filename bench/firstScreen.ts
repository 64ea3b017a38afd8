/**
 * The first screen's JavaScript, measured: the production build in Debian's Chromium opens the default
 * scenario, and every JavaScript file fetched until the header names the first leader (and the whole-run
 * worker has answered) is gzip-sized from the build folder, each file once. Then each protocol's chunks.
 *
 *   npx tsx bench/firstScreen.ts [--build]      (BENCH_PORT, BENCH_OUT_DIR to run beside another session)
 *
 * Budget (issue 8): at most 250 kB gzip. Exit status 1 when over.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { manifest } from '../src/protocols';
import { CHUNK_GRAPH_FILE } from './chunkGraph';
import { isProtocolModule, readChunks } from './firstScreenGraph';
import { servePreview } from './preview';

const PORT = Number(process.env.BENCH_PORT ?? 4178);
const OUT_DIR = process.env.BENCH_OUT_DIR ?? 'dist';
const BUDGET_KB = 250;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
/** Gzip at zlib's default level, as a web server would send it. */
const gzipSize = (file: string) => gzipSync(readFileSync(join(OUT_DIR, file))).length;

async function firstScreenFiles(): Promise<string[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const files = new Set<string>();
    // The context sees the page's requests and its workers'.
    context.on('response', (response) => {
      const path = new URL(response.url()).pathname.replace(/^\//, '');
      if (path.endsWith('.js')) files.add(path);
    });
    const page = await context.newPage();
    await page.goto(`http://localhost:${PORT}/`);
    await page.getByText(/^Leader: \S+ \(term \d+\)$/).waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => (window as unknown as { __netsplit?: { fingerprint(): string | null } }).__netsplit?.fingerprint(),
      undefined,
      { timeout: 60_000 },
    );
    return [...files].sort();
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const stop = await servePreview({ outDir: OUT_DIR, port: PORT, rebuild: process.argv.includes('--build') });
  try {
    const files = await firstScreenFiles();
    const sizes = files.map((file) => ({ file, size: gzipSize(file) })).sort((a, b) => b.size - a.size);
    const total = sizes.reduce((sum, s) => sum + s.size, 0);
    console.log(`first screen (default scenario until its leader shows, worker included), production build:`);
    for (const s of sizes) console.log(`  ${kb(s.size).padStart(9)}  ${s.file}`);
    const isOk = total <= BUDGET_KB * 1000;
    console.log(
      `first screen JavaScript: ${kb(total)} gzip in ${files.length} files (budget ${BUDGET_KB} kB: ${isOk ? 'ok' : 'OVER'})`,
    );

    if (!existsSync(join(OUT_DIR, CHUNK_GRAPH_FILE))) return;
    const chunks = readChunks(OUT_DIR).filter((c) => !c.isWorker);
    for (const d of manifest) {
      const own = chunks.filter((c) => c.modules.some((m) => isProtocolModule(m, d.id)));
      const presets = own.filter((c) => c.modules.every((m) => m.startsWith(`src/protocols/${d.id}/presets/`)));
      const code = own.filter((c) => !presets.includes(c));
      const sum = (list: typeof own) => list.reduce((n, c) => n + gzipSize(c.file), 0);
      console.log(
        `protocol ${d.id}: ${kb(sum(code))} gzip in ${code.length} chunks (${code.map((c) => `${c.file} ${kb(gzipSize(c.file))}`).join(', ')}); ` +
          `${presets.length} presets ${kb(sum(presets))}`,
      );
    }
    process.exitCode = isOk ? 0 : 1;
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
