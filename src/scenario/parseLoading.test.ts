import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { parseScenarioLoading, parseScenarioTextLoading } from './parseLoading';

const file = { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 1, nodes: 3 };

describe('parsing a scenario whose protocol is not loaded yet', () => {
  it('waits for the protocol the file names, then parses with it', async () => {
    const asked: string[] = [];
    const slowLoad = async (id: string) => {
      asked.push(id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return getProtocol(id);
    };
    const result = await parseScenarioLoading(file, slowLoad);
    expect(asked).toEqual(['raft']);
    expect(result).toMatchObject({ ok: true, scenario: { protocol: 'raft', nodes: ['n1', 'n2', 'n3'] } });
  });

  it('names the field for an unknown protocol, and for one whose code cannot be fetched', async () => {
    const none = async () => undefined;
    expect(await parseScenarioLoading({ ...file, protocol: 'x' }, none)).toEqual({
      ok: false,
      errors: ['protocol: unknown protocol "x"'],
    });
    const offline = () => Promise.reject(new Error('Failed to fetch'));
    const result = await parseScenarioLoading(file, offline);
    expect(result).toEqual({
      ok: false,
      errors: ['protocol: "raft" could not be loaded (Failed to fetch); try again'],
    });
  });

  it('loads nothing for text that is not a scenario, and says what is wrong with it', async () => {
    const never = () => Promise.reject(new Error('should not load'));
    expect(await parseScenarioTextLoading('{"format": ', never)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^\(file\): not valid JSON/)],
    });
    expect(await parseScenarioLoading({ ...file, format: 'other' }, never)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^format: /)],
    });
  });
});
