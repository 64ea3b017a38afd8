import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { protocolWords, withoutComments, wordsOf } from './protocolWords';

/** The generic parts of the tree: they may show a protocol only through its face, selectors and generators. */
const GENERIC = ['src/ui', 'src/app', 'src/engine', 'src/cli', 'src/experiment'];
/** A protocol's own UI folder (src/ui/protocols/<id>/) speaks its protocol's words. */
const OWN_UI = /^src\/ui\/protocols\/[^/]+\//;

/**
 * What may stay, file by file, and why: only the scenario contract's `"leader"` node reference (scenario.md,
 * "A `node` field takes a node id, or `"leader"`"), which files and fuzz schedules write and the engine
 * resolves through the protocol (the face's `leader` selector names the same node). Its skip reason,
 * `no leader`, is in the contract too.
 */
const ALLOWED: Readonly<Record<string, RegExp>> = {
  'src/app/scenarios.ts': /=== 'leader'/,
  'src/cli/schedule.ts': /'leader'/,
  'src/engine/simulation.ts': /'no leader'/,
  // The skip itself moved with the host's input handling (simHost.ts).
  'src/engine/simHost.ts': /'no leader'/,
  // spec/protocols.md §1.7 names the skip of a membership change with no node to take it `no leader`.
  'src/engine/inputs/membership.ts': /'no leader'/,
  'src/engine/selectors.ts': /^export const FILE_SELECTOR = 'leader';$/,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('generic code names no protocol idea', () => {
  it('finds words in identifiers and UI strings, not in comments', () => {
    expect(wordsOf('viewTerm LEADER_ID isUp')).toEqual(['view', 'term', 'leader', 'id', 'is', 'up']);
    const source =
      "// the leader\nconst a = viewTerm;\n/* commit\n */ const b = 'Isolate the coordinator';\n<p>No follower</p>";
    expect(withoutComments(source).split('\n')).toHaveLength(5);
    expect(protocolWords(source).map((h) => [h.line, h.word])).toEqual([
      [2, 'term'],
      [4, 'coordinator'],
      [5, 'follower'],
    ]);
    expect(protocolWords('const determinism = "terminal intermission";')).toEqual([]);
  });

  it('in src/ui (outside src/ui/protocols/<id>/), src/app, src/engine, src/cli and src/experiment', () => {
    const root = join(import.meta.dirname, '..', '..');
    const found: string[] = [];
    for (const dir of GENERIC) {
      for (const path of sources(join(root, dir))) {
        const file = relative(root, path).split('\\').join('/');
        if (OWN_UI.test(file)) continue;
        for (const hit of protocolWords(readFileSync(path, 'utf8'))) {
          if (ALLOWED[file]?.test(hit.text)) continue;
          found.push(`${file}:${hit.line}: "${hit.word}" in ${hit.text}`);
        }
      }
    }
    expect(found, `generic code names a protocol's idea; read it from the face instead:\n${found.join('\n')}`).toEqual(
      [],
    );
  });
});
