import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { libraryProtocols, manifest } from '../protocols';

/**
 * The hostile user's probe as a property (issue 10): malformed and oversized scenario files of every
 * protocol in the manifest go through the runner. Each ends one of two ways: exit 2 with a short message
 * that names a field, or a clean run within the event budget, one JSON object on standard output. Never a
 * thrown error, never a hang past the budget. `HOSTILE_RUNS=2000 npx vitest run src/testing/hostile.test.ts`
 * probes thoroughly; CI runs a few dozen cases a protocol.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 30);
/** Small, so even a file that asks for a day of 64 servers ends at once. */
const BUDGET = '20000';
/** What "short" means for a message: a line or two a person reads, never an echo of a megabyte. */
const SHORT = 2000;

const dir = mkdtempSync(join(tmpdir(), 'netsplit-hostile-'));

async function run(text: string) {
  const path = join(dir, 'hostile.json');
  writeFileSync(path, text);
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['run', path, '--json', '--max-events', BUDGET],
    (t) => (stdout += `${t}\n`),
    (t) => (stderr += `${t}\n`),
  );
  return { code, stdout, stderr };
}

/** A long run of one character: the size that broke messages and pages before. */
const huge = fc.integer({ min: 1000, max: 200_000 }).map((n) => 'p'.repeat(n));
const name = fc.oneof(
  fc.constantFrom('n1', 'n2', 'leader', '__proto__', 'constructor', 'toString', 'n99', ''),
  fc.string({ maxLength: 12 }),
  huge,
);
const time = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom(-1, 1e12, 86_400_001, 0.5, Number.NaN));
const event = fc.oneof(
  fc.record({ at: time, type: fc.constantFrom('crash', 'restart', 'timeout'), node: name }),
  fc.record({ at: time, type: fc.constant('request'), command: fc.oneof(name, fc.string()) }),
  fc.record({
    at: time,
    type: fc.constantFrom('partition'),
    groups: fc.array(fc.array(name, { maxLength: 3 }), { maxLength: 3 }),
  }),
  fc.record({ at: time, type: fc.constantFrom('heal', 'pause', 'caption'), text: fc.oneof(fc.string(), huge) }),
  fc.record({ at: time, type: name }),
);

/** A file of one protocol, with any of its fields bent out of shape. */
function hostileFile(protocol: string) {
  return fc
    .record({
      protocol: fc.oneof({ weight: 6, arbitrary: fc.constant(protocol) }, name),
      seed: fc.oneof(fc.nat(), fc.constantFrom(-1, 2 ** 40, 1.5)),
      nodes: fc.oneof(
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom(0, 64, 65, 10_000),
        fc.array(name, { maxLength: 4 }),
      ),
      until: fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.constantFrom(86_400_000, 1e12, -5)),
      bug: fc.oneof(fc.constant(null), name),
      title: fc.oneof(fc.string(), huge),
      events: fc.array(event, { maxLength: 8 }),
      config: fc.oneof(fc.constant({}), fc.dictionary(name, fc.jsonValue(), { maxKeys: 3 })),
    })
    .map((file) => JSON.stringify({ format: 'netsplit-scenario', version: 1, ...file }));
}

/** A file's text bent at the byte level: a byte-order mark, a `__proto__` key, cut short. */
const asText = (file: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: file },
    file.map((text) => `\uFEFF${text}`),
    file.map((text) => text.replace('"config":{', '"config":{"__proto__":{"x":1},')),
    fc.tuple(file, fc.nat()).map(([text, n]) => text.slice(0, n % (text.length + 1))),
  );

describe('hostile files end cleanly, for every protocol', () => {
  it('covers every protocol in the manifest, shown in the Library or not', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(libraryProtocols.length);
  });

  for (const { id } of manifest) {
    it(`${id}: exit 2 with a short message naming a field, or a clean run within the budget`, async () => {
      await fc.assert(
        fc.asyncProperty(asText(hostileFile(id)), async (text) => {
          const { code, stdout, stderr } = await run(text);
          if (code === 2) {
            expect(stdout).toBe('');
            expect(stderr.length).toBeGreaterThan(0);
            expect(stderr.length).toBeLessThan(SHORT);
            // Each line names where: the file, then a field (or the budget) and the reason.
            for (const line of stderr.trim().split('\n')) expect(line).toMatch(/^\S+\.json: \S/);
          } else {
            expect([0, 1]).toContain(code);
            expect(stderr).toBe('');
            const summary = JSON.parse(stdout);
            expect(summary.events).toBeLessThanOrEqual(Number(BUDGET));
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
