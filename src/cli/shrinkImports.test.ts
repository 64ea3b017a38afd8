import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module `entry` imports, directly or not (type-only imports too), with the bare specifiers each names. */
function closure(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const bare: string[] = [];
    seen.set(file, bare);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']*)'/gms)) {
      const spec = match[1] as string;
      if (!spec.startsWith('.')) {
        bare.push(spec);
        continue;
      }
      const base = join(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p));
      if (found) visit(found);
    }
  };
  visit(entry);
  return seen;
}

describe('the shrinker runs in a browser Web Worker', () => {
  it('imports nothing from Node, directly or through what it imports', () => {
    const modules = closure(join(import.meta.dirname, 'shrink.ts'));
    expect(modules.size).toBeGreaterThan(10);
    const fromNode = [...modules].flatMap(([file, specs]) =>
      specs.filter((s) => s.startsWith('node:')).map((s) => `${relative(import.meta.dirname, file)}: ${s}`),
    );
    expect(fromNode).toEqual([]);
  });
});
