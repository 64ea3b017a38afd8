import { readFileSync } from 'node:fs';
import type { TraceRecord } from '../../engine/types';
import { parseScenario } from '../../scenario/parse';
import { runScenario } from '../../scenario/run';
import { quorum } from '.';
import type { QuorumMessage } from './types';
import type { KeyView, ServerView } from './view';

/** Test helpers: run a quorum scenario file (a preset, changed or not) and read what a student would look at. */
export const lookup = (id: string) => (id === 'quorum' ? quorum : undefined);

export function presetFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./presets/${name}.json`, import.meta.url), 'utf8'));
}

export function parsed(file: Record<string, unknown>) {
  const result = parseScenario(file, lookup);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

export function run(file: Record<string, unknown>, untilMs?: number) {
  return runScenario(parsed(file), lookup, untilMs);
}

export const scenario = (fields: Record<string, unknown>): Record<string, unknown> => ({
  format: 'netsplit-scenario',
  version: 1,
  protocol: 'quorum',
  seed: 1,
  nodes: 5,
  clients: 2,
  network: { latencyMs: [10, 30], loss: 0, duplicate: 0 },
  ...fields,
});

type Summary = ReturnType<typeof run>['summary'];

/** What a server holds of `key` at the end (undefined: nothing). */
export function held(summary: Summary, node: string, key = 'x'): KeyView | undefined {
  const state = summary.nodes.find((n) => n.id === node)?.state as ServerView | undefined;
  return state?.store[key];
}

export function hintsOf(summary: Summary, node: string) {
  const state = summary.nodes.find((n) => n.id === node)?.state as ServerView | undefined;
  return state?.hints ?? [];
}

export const results = (summary: Summary) =>
  (summary.history ?? []).map((h) => [h.client, h.op, h.result, h.value] as const);

type Sent = Extract<TraceRecord, { kind: 'send' }>;
export const sends = (trace: readonly TraceRecord[], type: QuorumMessage['type']) =>
  trace.filter((r): r is Sent => r.kind === 'send' && r.type === type);
