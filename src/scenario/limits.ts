/** How long a run lasts when neither the file nor the caller says (scenario.md, `until`). */
export const DEFAULT_UNTIL_MS = 10_000;
