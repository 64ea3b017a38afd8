import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module of src/engine (tests aside) and the engine modules it imports, type-only imports included. */
function graph(root: string): Map<string, string[]> {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });
  const edges = new Map<string, string[]>();
  for (const file of files(root)) {
    const source = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']*)'/gms)) {
      const base = join(dirname(file), match[1] as string);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p));
      if (found?.startsWith(root)) targets.push(relative(root, found));
    }
    edges.set(relative(root, file), targets);
  }
  return edges;
}

/** The import circles of a graph, each as the path that closes it. */
function circles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) {
      found.push([...path.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of edges.get(node) ?? []) walk(next, [...path, node]);
    done.add(node);
  };
  for (const node of edges.keys()) walk(node, []);
  return found;
}

describe('the engine imports in one direction', () => {
  it('finds a circle when there is one', () => {
    const edges = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(circles(edges)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('has no import circle in src/engine, type-only imports included', () => {
    const edges = graph(join(import.meta.dirname));
    expect(edges.size).toBeGreaterThan(20);
    expect(circles(edges).map((c) => c.join(' -> '))).toEqual([]);
  });
});
