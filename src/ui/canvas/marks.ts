/**
 * The canvas's words for the marks of spec/protocols.md §1.6 and §1.7, shared by the cards, the Legend and
 * the Inspector so each says the same thing. A mark always goes with a word: colour is never the only cue.
 */
export const BYZANTINE_GLYPH = '☠';

/** `☠ BYZANTINE: lie`, as the card shows it. */
export const byzantineWords = (mode: string) => `${BYZANTINE_GLYPH} BYZANTINE: ${mode}`;

export const OUTSIDE_GLYPH = '◌';

/** What a dimmed card says: the server is outside the cluster (standby, or it left). */
export const OUTSIDE_WORDS = `${OUTSIDE_GLYPH} outside the cluster`;
