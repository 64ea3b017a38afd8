import { describe, expect, it } from 'vitest';
import { assign, emit, enqueueActions, setup } from 'xstate';
import { act, cancelTimer, perform, startTimer } from './kit';
import type { SendRequest } from './kit/perform';
import { Stepper } from './stepper';
import type { Payload } from './types';

// A small Raft-like machine: a follower that times out into candidate, re-enters on a heartbeat.
const machine = setup({
  types: {
    context: {} as { term: number; timeoutMs: number },
    input: {} as { entropy: number },
    events: {} as { type: 'heartbeat'; entropy: number } | { type: 'ping'; entropy: number },
    emitted: {} as SendRequest,
  },
  delays: {
    election: ({ context }) => context.timeoutMs,
  },
}).createMachine({
  context: ({ input }) => ({ term: 0, timeoutMs: 150 + (input.entropy % 151) }),
  initial: 'follower',
  states: {
    follower: {
      after: { election: 'candidate' },
      on: {
        heartbeat: {
          target: 'follower',
          reenter: true,
          actions: assign({ timeoutMs: ({ event }) => 150 + (event.entropy % 151) }),
        },
        ping: { actions: emit({ type: 'send', to: 'n2', message: { type: 'Pong' } }) },
      },
    },
    candidate: {
      entry: [
        assign({ term: ({ context }) => context.term + 1 }),
        emit({ type: 'send', to: 'n2', message: { type: 'RequestVote', term: 1 } as Payload }),
      ],
    },
  },
});

describe('Stepper (pins how xstate 5.33 reports actions)', () => {
  it('reports an `after` as a delayed raise whose delay reads the context', () => {
    const step = new Stepper(machine).initial({ entropy: 10 });
    expect(step.snapshot.value).toBe('follower');
    expect(step.effects).toEqual([
      {
        kind: 'schedule',
        id: 'xstate.after.election.(machine).follower',
        name: 'election',
        delayMs: 160,
        event: { type: 'xstate.after.election.(machine).follower' },
      },
    ]);
  });

  it('cancels the old timer before scheduling the new one when a state is re-entered', () => {
    const stepper = new Stepper(machine);
    const first = stepper.initial({ entropy: 0 });
    const next = stepper.next(first.snapshot, { type: 'heartbeat', entropy: 50 });
    expect(next.effects.map((e) => e.kind)).toEqual(['cancel', 'schedule']);
    expect(next.effects[1]).toMatchObject({ delayMs: 200 });
  });

  it('reports emitted sends and leaves the previous snapshot untouched', () => {
    const stepper = new Stepper(machine);
    const first = stepper.initial({ entropy: 0 });
    const timer = first.effects[0];
    if (timer?.kind !== 'schedule') throw new Error('expected a timer');
    const fired = stepper.next(first.snapshot, { ...timer.event, entropy: 1 });
    expect(fired.snapshot.value).toBe('candidate');
    expect(fired.snapshot.context.term).toBe(1);
    expect(first.snapshot.context.term).toBe(0);
    expect(fired.effects).toEqual([
      { kind: 'cancel', id: 'xstate.after.election.(machine).follower' },
      { kind: 'send', to: 'n2', message: { type: 'RequestVote', term: 1 } as Payload },
    ]);
    const ping = stepper.next(first.snapshot, { type: 'ping', entropy: 0 });
    expect(ping.effects).toEqual([{ kind: 'send', to: 'n2', message: { type: 'Pong' } }]);
  });

  it('names a kit timer by the name it was started with, and cancels it by name and key', () => {
    const timed = setup({ types: { events: {} as { type: 'begin' } | { type: 'end' } } }).createMachine({
      on: {
        begin: {
          actions: enqueueActions(({ enqueue }) => {
            perform(enqueue, { changes: null, actions: [startTimer('vote-timeout', 500, { type: 'expire' }, 't1')] });
          }),
        },
        end: { actions: enqueueActions(({ enqueue }) => act(enqueue, cancelTimer('vote-timeout', 't1'))) },
      },
    });
    const stepper = new Stepper(timed);
    const first = stepper.initial(undefined);
    expect(stepper.next(first.snapshot, { type: 'begin' }).effects).toEqual([
      { kind: 'schedule', id: 'vote-timeout:t1', name: 'vote-timeout', delayMs: 500, event: { type: 'expire' } },
    ]);
    expect(stepper.next(first.snapshot, { type: 'end' }).effects).toEqual([{ kind: 'cancel', id: 'vote-timeout:t1' }]);
  });

  it('surfaces an exception inside a machine instead of hiding it in the snapshot', () => {
    const broken = setup({}).createMachine({
      on: {
        boom: {
          actions: assign(() => {
            throw new Error('kaboom');
          }),
        },
      },
    });
    const stepper = new Stepper(broken);
    const first = stepper.initial(undefined);
    expect(() => stepper.next(first.snapshot, { type: 'boom' })).toThrow('kaboom');
  });
});
