import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The production build served by `vite preview`, for the benchmarks that measure it in Chromium: built
 * first when asked (`--build`) or when `outDir` has none. Resolves once the server answers; the
 * function it gives stops the server (it also stops when the process exits).
 */
export async function servePreview(options: {
  readonly outDir: string;
  readonly port: number;
  readonly rebuild: boolean;
}): Promise<() => void> {
  const { outDir, port } = options;
  if (options.rebuild || !existsSync(join(outDir, 'index.html'))) {
    console.log(`building ${outDir}/ ...`);
    const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  let server: ChildProcess | null = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  const stop = () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
    server = null;
  };
  process.on('exit', stop);
  await waitForServer(`http://localhost:${port}/`, 30_000);
  return stop;
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}
