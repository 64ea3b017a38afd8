import type { InputsHost } from './kind';
import { type Input, inputKindOf } from './table';

/**
 * Applies one input at the host's current time. Inputs that cannot apply (the file's selector names no
 * node, a restart of a node that is up) are skipped, and the trace says why.
 */
export function applyInput(host: InputsHost & { countEvent(): void }, input: Input): void {
  host.countEvent();
  inputKindOf(input).apply(input, host);
}
