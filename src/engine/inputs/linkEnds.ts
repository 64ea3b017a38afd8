import type { NodeId } from '../basics';
import type { InputBase, InputsHost, NodeRefAt } from './kind';

/** The two ends an input on one link names (`cut`, `mend`, `link`). */
export interface LinkEnds extends InputBase {
  readonly from: string;
  readonly to: string;
}

export const endRefs = (input: LinkEnds): readonly NodeRefAt[] => [
  { field: 'from', ref: input.from },
  { field: 'to', ref: input.to },
];

/** Both ends resolved, or null once one could not be (the input is skipped then). */
export function resolveEnds(input: LinkEnds, host: InputsHost): [NodeId, NodeId] | null {
  const from = host.resolve(input, input.from);
  const to = from === null ? null : host.resolve(input, input.to);
  return from === null || to === null ? null : [from, to];
}

/** `n1 → n2` one way, `n1 – n2` both ways (`spaced` false: `n1→n2`, as the timeline writes it). */
export const arrow = (from: string, to: string, isOneWay: boolean, both = '–', spaced = true) =>
  spaced ? `${from} ${isOneWay ? '→' : both} ${to}` : `${from}${isOneWay ? '→' : both}${to}`;
