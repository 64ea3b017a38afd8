import type { Input } from '../engine/types';
import { FORMAT, VERSION } from './schema';
import type { Scenario } from './types';
import { workloadToFile } from './workload';

/** The scenario as a file: what export, share links and the fuzzer write, and what parse reads back. */
export function toFile(scenario: Scenario, events: readonly Input[] = scenario.events): Record<string, unknown> {
  const defaultIds = scenario.nodes.every((id, i) => id === `n${i + 1}`);
  return {
    format: FORMAT,
    version: VERSION,
    protocol: scenario.protocol,
    ...(scenario.title ? { title: scenario.title } : {}),
    ...(scenario.description ? { description: scenario.description } : {}),
    seed: scenario.seed,
    nodes: defaultIds ? scenario.nodes.length : [...scenario.nodes],
    ...clientsField(scenario.clients),
    ...(scenario.workload ? { workload: workloadToFile(scenario.workload) } : {}),
    config: scenario.config,
    network: scenario.network,
    ...(Object.keys(scenario.initial).length > 0 ? { initial: scenario.initial } : {}),
    bug: scenario.bug,
    ...(scenario.clocks === undefined ? {} : { clocks: { ...scenario.clocks } }),
    ...(scenario.until === undefined ? {} : { until: scenario.until }),
    events: [...events],
  };
}

export function toFileText(scenario: Scenario, events?: readonly Input[]): string {
  return `${JSON.stringify(toFile(scenario, events), null, 2)}\n`;
}

function clientsField(clients: readonly string[] | undefined): Record<string, unknown> {
  if (!clients || clients.length === 0) return {};
  return { clients: clients.every((id, i) => id === `c${i + 1}`) ? clients.length : [...clients] };
}
