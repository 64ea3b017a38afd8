import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutComments } from '../testing/protocolWords';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The live engine objects a component must not touch: it reads the store's frame (app/frame.ts) instead. */
const LIVE = /\.sim\b|\bSimulation\b|\bRecording\b/;

describe('the UI renders the frame', () => {
  it('no file under src/ui reads the live simulation or its recording', () => {
    const root = join(import.meta.dirname, '..', '..');
    const found: string[] = [];
    for (const path of sources(join(root, 'src/ui'))) {
      withoutComments(readFileSync(path, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          // Types of plain data (`InFlight`) may come from the engine; a value or the class may not.
          if (/^import type /.test(line.trim())) return;
          if (LIVE.test(line)) found.push(`${relative(root, path)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});
