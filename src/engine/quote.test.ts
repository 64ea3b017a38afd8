import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ECHO_CHARS, quote, shortenRuns } from './quote';

describe('quoting what the user wrote', () => {
  it('quotes a short value whole, as before', () => {
    expect(quote('n9')).toBe('"n9"');
    expect(quote('x'.repeat(MAX_ECHO_CHARS))).toBe(`"${'x'.repeat(MAX_ECHO_CHARS)}"`);
  });

  it('cuts a long value to a prefix and gives its length', () => {
    expect(quote('p'.repeat(1_048_576))).toBe(`"${'p'.repeat(MAX_ECHO_CHARS)}…" (1048576 characters)`);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(MAX_ECHO_CHARS - 1)}😀😀`;
    expect(quote(text)).toBe(`"${'a'.repeat(MAX_ECHO_CHARS - 1)}…" (${text.length} characters)`);
  });

  it('keeps every echo short, whatever its length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), (text) => {
        expect(quote(text).length).toBeLessThanOrEqual(MAX_ECHO_CHARS + 30);
        expect(quote(text, JSON.stringify).length).toBeLessThanOrEqual(6 * MAX_ECHO_CHARS + 30);
      }),
    );
  });

  it('shortens long runs inside a message made elsewhere', () => {
    const option = `--${'c'.repeat(100)}`;
    expect(shortenRuns(`Unknown option '${option}'. Try again`)).toBe(
      `Unknown option '${option.slice(0, MAX_ECHO_CHARS)}… (102 characters)'. Try again`,
    );
    expect(shortenRuns("Unknown option '--colour'")).toBe("Unknown option '--colour'");
  });
});
