import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { embedOptions } from './embed';
import { readScenarioFile } from './scenarioFile';
import { startOptions } from './url';

/** A megabyte of one letter: what a hostile or broken file puts where a name belongs. */
const huge = (letter: string) => letter.repeat(1_048_576);

describe('the page quotes what it was given briefly, with its length', () => {
  it('in its notes on a bad address', () => {
    const long = huge('s');
    const notes = [
      ...startOptions(`?preset=${long}&speed=${long}`).problems,
      ...embedOptions(`?embed&speed=${long}&panels=${long}&t=${long}`).problems,
    ];
    expect(notes).toHaveLength(5);
    expect(notes[0]).toBe(`There is no preset "${'s'.repeat(32)}…" (1048576 characters); opened the default one.`);
    for (const note of notes) expect(note.length).toBeLessThan(200);
  });
});

describe('a file’s name leads its errors, cut like any echo', () => {
  it('keeps a short name whole and cuts a long one', async () => {
    const load = async (id: string) => getProtocol(id);
    const read = (name: string) => readScenarioFile({ name, size: 2, text: async () => '{"' }, load);
    const short = await read('broken.json');
    expect(short.ok || short.errors[0]).toMatch(/^broken\.json: \(file\): not valid JSON/);
    const long = await read(`${'a'.repeat(240)}.json`);
    expect(long.ok || long.errors[0]).toMatch(new RegExp(`^${'a'.repeat(32)}… \\(245 characters\\): \\(file\\)`));
  });
});
