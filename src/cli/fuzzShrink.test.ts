import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyProtocol } from '../engine/protocol';
import { getProtocol } from '../protocols';
import { cli } from '../testing/cli';
import { fuzzFile } from './fuzz';

const fresh = () => mkdtempSync(join(tmpdir(), 'netsplit-fuzz-shrink-'));
const flood = ['fuzz', '--protocol', 'flood', '--bug', 'deliver-every-copy', '--runs', '2', '--seed', '2026'];
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('sim fuzz shrinks the failures it saves', () => {
  it('saves the shrunk file, which run replays, and keeps the original beside it', async () => {
    const dir = fresh();
    const { code, stdout } = await cli(...flood, '--json', '--out', dir);
    expect(code).toBe(1);
    const { failures } = JSON.parse(stdout);
    expect(failures.length).toBe(2);
    for (const f of failures) {
      expect(Object.keys(f)).toEqual(['seed', 'violations', 'scenario', 'original', 'inputs']);
      expect(f.original).toBe(f.scenario.replace(/\.json$/, '.original.json'));
      expect(f.inputs.after).toBeLessThan(f.inputs.before);
      expect(read(f.scenario).events.length).toBe(f.inputs.after);
      const shrunk = await cli('run', f.scenario, '--json');
      expect(shrunk.code).toBe(1);
      expect(JSON.parse(shrunk.stdout).violations).toEqual(f.violations);
      const original = await cli('run', f.original, '--json');
      expect(JSON.parse(original.stdout).violations[0].invariant).toBe(f.violations[0].invariant);
    }
  });

  it('says in the human report how far each failure shrank', async () => {
    const { code, stdout } = await cli(...flood, '--out', fresh());
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {4}shrunk from \d+ inputs to 1 \(\d+ runs\)$/m);
    expect(stdout).toMatch(/^ {4}original: .*flood-deliver-every-copy-\d+\.original\.json$/m);
  });

  it('saves the file the fuzz run played, alone, with --no-shrink', async () => {
    const dir = fresh();
    const { code, stdout } = await cli(...flood, '--json', '--no-shrink', '--out', dir);
    expect(code).toBe(1);
    const { failures } = JSON.parse(stdout);
    expect(Object.keys(failures[0])).toEqual(['seed', 'violations', 'scenario']);
    const protocol = getProtocol('flood') as AnyProtocol;
    const options = { protocol, nodes: 5, untilMs: 5000, bug: 'deliver-every-copy', seed: 2026 };
    expect(read(failures[0].scenario)).toEqual(fuzzFile(options, failures[0].seed));
    expect(readdirSync(dir).some((name) => name.endsWith('.original.json'))).toBe(false);
  });

  it('refuses --shrink with --no-shrink: exit 2, nothing on stdout, nothing written', async () => {
    const dir = join(fresh(), 'out');
    const { code, stdout, stderr } = await cli(...flood, '--shrink', '--no-shrink', '--out', dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^--shrink: cannot be used with --no-shrink/);
    expect(existsSync(dir)).toBe(false);
  });
});
