import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The authoring guide's promise, held to the tree: the example protocol is its own folder plus one entry
 * (and its import) in the manifest list, and the guide lists exactly the files the folder has.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const folder = 'src/protocols/flood';

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the authoring guide', () => {
  it('lists exactly the files of the example folder', () => {
    const guide = readFileSync(join(root, 'docs/protocols/authoring.md'), 'utf8');
    const block = /```files\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
    const listed = block.split('\n').filter((line) => line.trim().length > 0);
    expect(listed.sort()).toEqual(filesUnder(folder).sort());
  });

  it('needs nothing outside its folder but the manifest entry and its import', () => {
    const mentions: string[] = [];
    for (const file of filesUnder('src')) {
      // Tests may name the example (the shrinker's and the fuzzer's use it as their smallest protocol); the
      // product's code needs nothing but the manifest line.
      if (file.startsWith(`${folder}/`) || /\.test\.tsx?$/.test(file)) continue;
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/flood/i.test(line)) mentions.push(`${relative('.', file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(mentions).toEqual([
      expect.stringMatching(/^src\/protocols\/index\.ts:\d+: import { floodManifest } from .\.\/flood\/manifest.;$/),
      expect.stringMatching(/^src\/protocols\/index\.ts:\d+: export const manifest: .*floodManifest\]/),
    ]);
  });
});
