import { playChecked } from '../cli/fuzz';
import { shrinkScenario } from '../cli/shrink';
import type { Violation } from '../engine/types';
import type { ProtocolLookup } from '../scenario/types';
import type { SearchFinding } from './search';

/** A counterexample as it opens: the file that reproduces it and how far it was shrunk. */
export interface ShrunkFinding {
  readonly file: Record<string, unknown>;
  readonly violation: Violation;
  /** Inputs of the run as found, and of the file above. */
  readonly inputsBefore: number;
  readonly inputsAfter: number;
  /** Runs the shrink played. */
  readonly runs: number;
  /** False when the shrunk inputs did not break the rule under the run's own setup: `file` is the run as found. */
  readonly isShrunk: boolean;
}

/**
 * Shrinks a finding (cli/shrink.ts) and keeps it a branch of the current run: a shrink may also drop
 * settings and nodes the failure does not need, but a branch shares its run's setup (search.ts). So the
 * cluster goes in as a list of ids (a shrink leaves a list alone), and the shrunk inputs and end are put
 * back under the run's own setup and played again; if they no longer break the same rule there, the
 * finding opens as it was found.
 */
export function shrinkFinding(
  finding: SearchFinding,
  lookup: ProtocolLookup,
  untilMs: number,
  onProgress?: (runs: number, inputs: number) => void,
): ShrunkFinding {
  const found = finding.file;
  const id = String(found.protocol);
  const protocol = lookup(id);
  if (!protocol) throw new Error(`protocol: unknown protocol "${id}"`);
  const events = (file: Record<string, unknown>) => (Array.isArray(file.events) ? file.events : []);
  const shrunk = shrinkScenario({ ...found, nodes: idsOf(found.nodes, 'n'), ...clientIds(found) }, protocol, lookup, {
    untilMs,
    onProgress,
  });
  const pinned: Record<string, unknown> = { ...found, events: shrunk.file.events ?? [] };
  if (shrunk.file.until !== undefined) pinned.until = shrunk.file.until;
  const replayed = playChecked(pinned, protocol, untilMs, lookup).violations[0];
  const inputsBefore = events(found).length;
  if (replayed?.invariant === finding.violation.invariant) {
    const inputsAfter = events(pinned).length;
    return { file: pinned, violation: replayed, inputsBefore, inputsAfter, runs: shrunk.runs, isShrunk: true };
  }
  const { violation } = finding;
  return { file: found, violation, inputsBefore, inputsAfter: inputsBefore, runs: shrunk.runs, isShrunk: false };
}

/** A node count as the list of ids it stands for (scenario.md: `n1`..`nN`, clients `c1`..`cN`). */
function idsOf(value: unknown, prefix: string): unknown {
  return typeof value === 'number' ? Array.from({ length: value }, (_, i) => `${prefix}${i + 1}`) : value;
}

function clientIds(file: Record<string, unknown>): Record<string, unknown> {
  return file.clients === undefined ? {} : { clients: idsOf(file.clients, 'c') };
}
