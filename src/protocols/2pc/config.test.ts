import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse';
import { getProtocol } from '../index';
import { twoPcConfigSchema, votesNo } from './config';

const withConfig = (config: unknown) =>
  parseScenario({ format: 'netsplit-scenario', version: 1, protocol: '2pc', seed: 1, nodes: 3, config }, getProtocol);

describe('2pc config', () => {
  it('fills in every default', () => {
    const parsed = withConfig({});
    expect(parsed.ok && parsed.scenario.config).toEqual({ noVotes: [], voteTimeoutMs: 500, retryMs: 200 });
  });

  it('rejects a malformed no-vote entry, naming it', () => {
    const parsed = withConfig({ noVotes: ['n2', 'zz:'] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      'config.noVotes[1]: must be a node id ("n3") or a node id and a transaction id ("n3:t2")',
    ]);
  });

  it('rejects an unknown key and a timeout out of range, naming each', () => {
    const parsed = withConfig({ voteTimeout: 500, voteTimeoutMs: 0 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toContain('config.voteTimeout: unknown field');
    expect(parsed.errors.some((e) => e.startsWith('config.voteTimeoutMs: '))).toBe(true);
  });

  it('reads "n3" as always no and "n3:t2" as no on t2 only', () => {
    const config = twoPcConfigSchema.parse({ noVotes: ['n3', 'n2:t2'] });
    expect(votesNo(config, 'n3', 't1')).toBe(true);
    expect(votesNo(config, 'n2', 't2')).toBe(true);
    expect(votesNo(config, 'n2', 't1')).toBe(false);
    expect(votesNo(config, 'n4', 't2')).toBe(false);
  });
});
