import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

export type RngState = readonly number[];

/**
 * One seeded stream of randomness (xoroshiro128+ from pure-rand). Its state is four numbers, so a
 * snapshot of the simulation can copy it and a restore resumes the exact same sequence.
 */
export class Rng {
  private constructor(private generator: ReturnType<typeof xoroshiro128plus>) {}

  static fromSeed(seed: number): Rng {
    return new Rng(xoroshiro128plus(seed | 0));
  }

  static fromState(state: RngState): Rng {
    return new Rng(xoroshiro128plusFromState(state as number[]));
  }

  /**
   * The `index`-th independent stream derived from this one: each jump moves 2^64 draws ahead, so
   * streams never overlap, and drawing from one (say, the network) never shifts another (a node's timers).
   */
  fork(index: number): Rng {
    const child = this.generator.clone();
    for (let i = 0; i <= index; i++) child.jump();
    return new Rng(child);
  }

  /**
   * A stream named by `label` (`workload`): this stream's state mixed with a hash of the label (FNV-1a,
   * then a multiply-xorshift per word), so it depends on the seed and the label only. Forking it draws
   * nothing from this stream and shifts none of the numbered forks (spec/protocols.md §1.5).
   */
  forkLabelled(label: string): Rng {
    let h = 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    const mixed: number[] = this.generator.getState().map((word, i) => {
      let x = Math.imul(h ^ Math.imul(i + 1, 0x9e3779b9), 0x85ebca6b);
      x ^= x >>> 13;
      return (word ^ Math.imul(x, 0xc2b2ae35)) | 0;
    });
    // xoroshiro's one forbidden state is all zeros.
    if (!mixed.some((w) => w !== 0)) mixed[0] = 1;
    const child = xoroshiro128plusFromState(mixed);
    child.jump();
    return new Rng(child);
  }

  state(): RngState {
    return this.generator.getState();
  }

  /** An integer in [from, to], inclusive. */
  int(from: number, to: number): number {
    return uniformInt(this.generator, from, to);
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** A uint32. */
  uint32(): number {
    return this.generator.next() >>> 0;
  }

  /** True with probability `p`; draws nothing when p is 0, so a loss-free network uses no randomness for loss. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }
}
