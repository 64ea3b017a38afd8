/**
 * Small experiment files for the tests: three Raft servers on 1 ms links; n1 is elected at 2 ms, crashes at
 * 100 ms (event 1), and n2 is made to time out at 150 ms (event 2), so it leads at 152 ms: 52 ms after the crash.
 */
export function scriptedScenario(): Record<string, unknown> {
  return {
    format: 'netsplit-scenario',
    version: 1,
    protocol: 'raft',
    seed: 1,
    nodes: 3,
    config: { electionTimeoutMs: [1000, 1000], heartbeatMs: 50 },
    network: { latencyMs: [1, 1], loss: 0, duplicate: 0 },
    until: 2000,
    events: [
      { at: 0, type: 'timeout', node: 'n1' },
      { at: 100, type: 'crash', node: 'n1' },
      { at: 150, type: 'timeout', node: 'n2' },
    ],
  };
}

export function scriptedExperiment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'netsplit-experiment',
    version: 1,
    title: 'scripted',
    seed: 7,
    trials: 4,
    scenario: scriptedScenario(),
    sweep: {
      path: 'events[2].at',
      values: [
        { label: 'at 150', value: 150 },
        { label: 'at 120', value: 120, trials: 2 },
      ],
    },
    measure: { kind: 'milestone', from: 1, milestone: 'leader' },
    ...overrides,
  };
}
