import { caption } from './caption';
import { clock } from './clock';
import { crash } from './crash';
import { cut } from './cut';
import { drop } from './drop';
import { duplicate } from './duplicate';
import { heal } from './heal';
import type { InputKind } from './kind';
import { link } from './link';
import { mend } from './mend';
import { network } from './network';
import { partition } from './partition';
import { pause } from './pause';
import { request } from './request';
import { restart } from './restart';
import { stall } from './stall';
import { timeout } from './timeout';

/**
 * Every kind of input a scenario can hold, one module each. Adding one is a new module and a line here;
 * the file schema, the parser's node checks, the simulation, the timeline, the diagram and the Script tab
 * all read it from this table. The order is the order the file format's error message lists them in.
 */
export const inputKinds = {
  crash,
  restart,
  partition,
  heal,
  cut,
  mend,
  link,
  network,
  request,
  timeout,
  stall,
  clock,
  drop,
  duplicate,
  caption,
  pause,
} as const;

type Table = typeof inputKinds;

/** The inputs of a run: every fault, request and narration, each with its virtual time. */
export type Input = { [K in keyof Table]: Table[K] extends InputKind<infer I> ? I : never }[keyof Table];

export type InputType = Input['type'];

export const inputTypes = Object.keys(inputKinds) as InputType[];

/** The module of an input kind. */
export function inputKind<T extends InputType>(type: T): InputKind<Extract<Input, { type: T }>> {
  return inputKinds[type] as unknown as InputKind<Extract<Input, { type: T }>>;
}

/** The module of an input's kind, typed for that input. */
export const inputKindOf = (input: Input): InputKind<Input> => inputKinds[input.type] as unknown as InputKind<Input>;

/** The module of a kind by name, for trace readers holding a record's `type` string. */
export const inputKindNamed = (type: string): InputKind<Input> | undefined =>
  // Own keys only: `constructor` names no kind.
  Object.hasOwn(inputKinds, type) ? ((inputKinds as Record<string, unknown>)[type] as InputKind<Input>) : undefined;
