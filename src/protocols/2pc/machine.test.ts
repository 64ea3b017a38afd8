import { describe, expect, it } from 'vitest';
import { type Effect, Stepper } from '../../engine/stepper';
import { twoPcMachine } from './machine';

const input = (id: string, persistent?: unknown) => ({
  id,
  nodes: ['n1', 'n2', 'n3'],
  peers: ['n1', 'n2', 'n3'].filter((n) => n !== id),
  config: { noVotes: [], voteTimeoutMs: 500, retryMs: 200 },
  bug: null,
  persistent,
  entropy: 0,
  at: 0,
});
const meta = { at: 0, entropy: 0 };

function show(effect: Effect): string {
  switch (effect.kind) {
    case 'send':
      return `send ${effect.message.type} to ${effect.to}`;
    case 'schedule':
    case 'cancel':
      return `${effect.kind} ${effect.id}`;
    case 'reply':
      return `reply ${effect.command} ${effect.ok ? 'ok' : 'failed'}`;
    case 'complete':
    case 'adjustClock':
      return effect.kind;
    default:
      effect satisfies never;
      return '';
  }
}

describe('2pc machine (pins how its per-transaction timers reach the engine)', () => {
  it('starts one vote timer and one retry timer per transaction, keyed by its id', () => {
    const stepper = new Stepper(twoPcMachine);
    const start = stepper.initial(input('n1'));
    const step = stepper.next(start.snapshot, { type: 'request', command: 't1', ...meta });
    expect(step.effects).toEqual([
      { kind: 'send', to: 'n2', message: { type: 'Prepare', tx: 't1' } },
      { kind: 'send', to: 'n3', message: { type: 'Prepare', tx: 't1' } },
      {
        kind: 'schedule',
        id: 'vote-timeout:t1',
        name: 'vote-timeout',
        delayMs: 500,
        event: { type: 'voteTimeout', tx: 't1' },
      },
      { kind: 'schedule', id: 'retry:t1', name: 'retry', delayMs: 200, event: { type: 'retry', tx: 't1' } },
    ]);
  });

  it('logs the decision in the same step that cancels the vote timer and sends it', () => {
    const stepper = new Stepper(twoPcMachine);
    let snapshot = stepper.initial(input('n1')).snapshot;
    snapshot = stepper.next(snapshot, { type: 'request', command: 't1', ...meta }).snapshot;
    snapshot = stepper.next(snapshot, { type: 'Vote', tx: 't1', vote: 'yes', from: 'n2', ...meta }).snapshot;
    const step = stepper.next(snapshot, { type: 'Vote', tx: 't1', vote: 'yes', from: 'n3', ...meta });
    expect(step.snapshot.context.log.toJSON()).toEqual({ t1: 'commit' });
    expect(step.effects.map(show)).toEqual([
      'cancel vote-timeout:t1',
      'send Commit to n2',
      'send Commit to n3',
      'schedule retry:t1',
      'reply t1 ok',
    ]);
  });

  it('recovers on start: a logged decision is sent again, a transaction without one is aborted', () => {
    const step = new Stepper(twoPcMachine).initial(
      input('n1', { role: 'coordinator', log: { t1: 'commit', t2: 'begin' } }),
    );
    expect(step.snapshot.context.log.toJSON()).toEqual({ t1: 'commit', t2: 'abort' });
    expect(step.effects.filter((e) => e.kind === 'send').map(show)).toEqual([
      'send Commit to n2',
      'send Commit to n3',
      'send Abort to n2',
      'send Abort to n3',
    ]);
  });
});
