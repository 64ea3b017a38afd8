import { inputKindOf } from '../../engine/inputs/table';
import type { Input } from '../../engine/types';

export type { InputRow } from '../../engine/inputs/kind';

/** An input as one row of the script: its kind's own words for what it is and what it acts on (engine/inputs). */
export const inputRow = (input: Input) => inputKindOf(input).row(input);
