import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { preset } from '../testing/scenarios';
import { OverBudget, runWithinBudget } from './budget';
import { parseScenario } from './parse';
import { createSimulation, runScenario } from './run';

const big = () => {
  const parsed = parseScenario(
    { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 1, nodes: 64, until: 86_400_000 },
    getProtocol,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
};

describe('the event budget', () => {
  it('runs exactly as runUntil does while within it', () => {
    const scenario = preset('raft/leader-crash');
    const plain = createSimulation(scenario, getProtocol);
    plain.runUntil(4000);
    const budgeted = createSimulation(scenario, getProtocol);
    runWithinBudget(budgeted, 4000);
    expect(budgeted.traceHash).toBe(plain.traceHash);
    expect(budgeted.now).toBe(4000);
  });

  it('stops 64 servers for a day of virtual time at the budget, naming it and how to raise it', () => {
    let thrown: unknown;
    try {
      runScenario(big(), getProtocol, undefined, 20_000);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OverBudget);
    const error = thrown as OverBudget;
    expect(error.maxEvents).toBe(20_000);
    expect(error.atMs).toBeGreaterThan(0);
    expect(error.message).toMatch(/reached its budget of 20,000 events \(raise it with --max-events/);
  });
});

describe('the trace-record budget', () => {
  it('stops a run that writes many records per event at the record budget, before the event budget', () => {
    let thrown: unknown;
    try {
      runScenario(big(), getProtocol, undefined, 1_000_000, 5000);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OverBudget);
    const error = thrown as OverBudget;
    expect(error.kind).toBe('records');
    expect(error.message).toMatch(/reached its budget of 5,000 trace records \(raise it with --max-records/);
  });

  it('stops at the same record on every run (a count, never a reading of the heap)', () => {
    const stopAt = () => {
      const sim = createSimulation(big(), getProtocol);
      expect(() => runWithinBudget(sim, 86_400_000, 1_000_000, 2500)).toThrow(OverBudget);
      return { steps: sim.steps, records: sim.traceLength, hash: sim.traceHash };
    };
    const first = stopAt();
    expect(first.records).toBeGreaterThanOrEqual(2500);
    expect(stopAt()).toEqual(first);
  });
});

describe('limits the format sets before a run starts', () => {
  it('refuses more than a thousand requests at one instant, naming the first one over', () => {
    const events = Array.from({ length: 1001 }, (_, i) => ({ at: 5, type: 'request', command: `x=${i}` }));
    const file = { format: 'netsplit-scenario', version: 1, protocol: 'raft', seed: 1, nodes: 3, events };
    expect(parseScenario(file, getProtocol)).toEqual({
      ok: false,
      errors: ['events[1000]: more than 1000 requests at 5 ms (the most one instant takes)'],
    });
    expect(parseScenario({ ...file, events: events.slice(0, 1000) }, getProtocol).ok).toBe(true);
  });
});
