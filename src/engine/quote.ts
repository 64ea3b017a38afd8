/**
 * How an error quotes text the user wrote. A name, an id or a command fits whole; a longer value is cut to
 * its first characters and followed by its length, so a 1 MB `protocol` costs one line of stderr and an
 * error banner stays one line wide: `unknown protocol "pppp…" (1048576 characters)`.
 */

/** Values up to this many UTF-16 code units are quoted whole. */
export const MAX_ECHO_CHARS = 32;
/** A file path the user typed is quoted whole up to this length (paths are long, but not megabytes). */
export const MAX_PATH_ECHO_CHARS = 240;

/**
 * `"n9"`, or `"pppp…" (1048576 characters)`. `encode` writes the quoted part: plain double quotes by default,
 * `JSON.stringify` where the quote must read back as a string literal (a key in a field path).
 */
export function quote(
  text: string,
  encode: (shown: string) => string = (shown) => `"${shown}"`,
  max: number = MAX_ECHO_CHARS,
): string {
  if (text.length <= max) return encode(text);
  // Never end the prefix on the first half of a surrogate pair: the cut must still be valid text.
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${encode(`${text.slice(0, end)}…`)} (${text.length} characters)`;
}

/** Every run of more than MAX_ECHO_CHARS characters without a space or quote, cut as `quote` cuts: for messages
 * made elsewhere (Node's own argument errors) that repeat what the user typed. */
export function shortenRuns(message: string): string {
  return message.replace(new RegExp(`[^\\s'"]{${MAX_ECHO_CHARS + 1},}`, 'g'), (run) => quote(run, (s) => s));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
