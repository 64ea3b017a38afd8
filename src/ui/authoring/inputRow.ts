import type { Input } from '../../engine/types';

/** An input as one row of the script: what it is and what it acts on, in words. */
export interface InputRow {
  readonly kind: string;
  readonly target: string;
  /** Captions and pauses carry text the author can edit. */
  readonly hasText: boolean;
}

const range = (r: readonly [number, number] | undefined) => (r ? `${r[0]}–${r[1]} ms` : undefined);

function model(input: { latencyMs?: readonly [number, number]; loss?: number; duplicate?: number }): string {
  const parts = [
    range(input.latencyMs) && `latency ${range(input.latencyMs)}`,
    input.loss !== undefined && `loss ${input.loss}`,
    input.duplicate !== undefined && `duplicate ${input.duplicate}`,
  ].filter(Boolean);
  return parts.join(', ');
}

export function inputRow(input: Input): InputRow {
  switch (input.type) {
    case 'crash':
    case 'restart':
    case 'timeout':
      return { kind: input.type, target: input.node, hasText: false };
    case 'partition':
      return { kind: 'partition', target: input.groups.map((g) => g.join(' ')).join(' | '), hasText: false };
    case 'heal':
      return { kind: 'heal', target: 'whole network', hasText: false };
    case 'cut':
    case 'mend':
      return { kind: input.type, target: `${input.from} ${input.oneWay ? '→' : '–'} ${input.to}`, hasText: false };
    case 'link':
      return {
        kind: 'link',
        target: [`${input.from} – ${input.to}`, model(input)].filter(Boolean).join(': '),
        hasText: false,
      };
    case 'network':
      return { kind: 'network', target: model(input) || 'whole network', hasText: false };
    case 'request':
      return {
        kind: 'request',
        target: input.node ? `${input.command} to ${input.node}` : input.command,
        hasText: false,
      };
    case 'drop':
    case 'duplicate':
      return { kind: input.type, target: `message ${input.message}`, hasText: false };
    case 'caption':
      return { kind: 'caption', target: '', hasText: true };
    case 'pause':
      return { kind: 'pause', target: '', hasText: true };
    default:
      input satisfies never;
      return { kind: 'input', target: '', hasText: false };
  }
}
