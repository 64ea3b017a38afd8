import murmurhash from 'murmurhash';

/**
 * The hash ring that `consistent-hashing` and `quorum` place keys on (spec/protocols.md, `consistent-hashing`;
 * Karger et al., STOC 1997; DeCandia et al., "Dynamo", SOSP 2007, §4.2 and §4.3).
 *
 * Positions are MurmurHash3 x86_32 with seed 0 of a string's UTF-8 bytes, in [0, 2^32). Node X's tokens are
 * hash(`X#0`) .. hash(`X#v-1`). A key belongs to the first token at or clockwise after its hash (wrapping past
 * 2^32 - 1 to the smallest token); equal tokens are ordered by the nodes' order in the list the ring was built
 * from. A token t owns the half-open range (previous token, t]: the key hashing exactly to t is t's.
 */

/** MurmurHash3 x86_32, seed 0, of the UTF-8 bytes of `text` (Appleby's reference: "hello" -> 613153351). */
export function ringHash(text: string): number {
  return murmurhash.v3(text, 0);
}

/** Node `node`'s `vnodes` tokens, in token-index order (Dynamo §4.2: each node is several virtual nodes). */
export function tokensOf(node: string, vnodes: number): number[] {
  return Array.from({ length: vnodes }, (_, i) => ringHash(`${node}#${i}`));
}

export interface RingToken {
  readonly token: number;
  readonly node: string;
}

/** The ring: every member's tokens, sorted by position, ties by the members' order. Never empty-checked here. */
export interface HashRing {
  readonly members: readonly string[];
  readonly tokens: readonly RingToken[];
}

/**
 * The ring of `members` (in their order, which breaks token ties) with `vnodes` tokens each, or with the
 * tokens `tokensFor` gives a member (a protocol's bug variant may number tokens differently).
 */
export function buildRing(
  members: readonly string[],
  vnodes: number,
  tokensFor: (node: string, index: number) => readonly number[] = (node) => tokensOf(node, vnodes),
): HashRing {
  const rank = new Map(members.map((m, i) => [m, i]));
  const tokens = members.flatMap((node, i) => tokensFor(node, i).map((token) => ({ token, node })));
  tokens.sort((a, b) => a.token - b.token || (rank.get(a.node) ?? 0) - (rank.get(b.node) ?? 0));
  return { members: [...members], tokens };
}

/** Index in `ring.tokens` of the first token at or clockwise after `position` (binary search, wrapping). */
export function successorIndex(ring: HashRing, position: number): number {
  const { tokens } = ring;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as RingToken).token < position) lo = mid + 1;
    else hi = mid;
  }
  return lo === tokens.length ? 0 : lo;
}

/** The member owning `key` (by its hash), or null on an empty ring. */
export function ownerOf(ring: HashRing, key: string): string | null {
  if (ring.tokens.length === 0) return null;
  return (ring.tokens[successorIndex(ring, ringHash(key))] as RingToken).node;
}

/**
 * Dynamo's preference list (§4.3): walking clockwise from the key's position, the first `n` distinct members
 * (fewer when the ring has fewer members). `skip` leaves members out of the walk (Dynamo's sloppy quorum walks
 * past unreachable nodes, §4.6, and the stand-ins it finds are the next ones on this same walk).
 */
export function preferenceList(
  ring: HashRing,
  key: string,
  n: number,
  skip: (node: string) => boolean = () => false,
): string[] {
  const { tokens } = ring;
  const found: string[] = [];
  if (tokens.length === 0) return found;
  const start = successorIndex(ring, ringHash(key));
  for (let step = 0; step < tokens.length && found.length < n; step++) {
    const { node } = tokens[(start + step) % tokens.length] as RingToken;
    if (!found.includes(node) && !skip(node)) found.push(node);
  }
  return found;
}

/**
 * The ranges each of `node`'s tokens owns, as `[start, end]` pairs meaning the half-open (start, end] of
 * ring positions, in token order. A range that wraps past 2^32 - 1 has start > end. A node holding every
 * token owns the whole ring, written as one range from its last token to itself.
 */
export function rangesOf(ring: HashRing, node: string): [number, number][] {
  const { tokens } = ring;
  const ranges: [number, number][] = [];
  tokens.forEach((t, i) => {
    if (t.node !== node) return;
    const previous = tokens[(i - 1 + tokens.length) % tokens.length] as RingToken;
    if (previous.node === node && tokens.length > 1 && previous !== t) {
      // Adjacent tokens of one node: extend the range the previous token started.
      const last = ranges[ranges.length - 1];
      if (last && last[1] === previous.token) {
        last[1] = t.token;
        return;
      }
    }
    ranges.push([previous.token, t.token]);
  });
  return ranges;
}

/** How much of the ring (a fraction of 2^32) `node` owns. */
export function shareOf(ring: HashRing, node: string): number {
  const full = 2 ** 32;
  if (ring.tokens.length > 0 && ring.tokens.every((t) => t.node === node)) return 1;
  return rangesOf(ring, node).reduce((sum, [start, end]) => sum + ((end - start + full) % full), 0) / full;
}
