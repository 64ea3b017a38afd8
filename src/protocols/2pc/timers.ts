import { type Action, cancelTimer, startTimer } from '../../engine/kit';
import type { TwoPcTimer } from './types';

/** The trace's name of each timer; one timer of each kind per transaction, restarted by starting it again. */
const NAMES: Readonly<Record<TwoPcTimer['type'], string>> = {
  voteTimeout: 'vote-timeout',
  retry: 'retry',
  inquiry: 'inquiry',
};

export const start = (timer: TwoPcTimer, delayMs: number): Action =>
  startTimer(NAMES[timer.type], delayMs, timer, timer.tx);

export const stop = (timer: TwoPcTimer): Action => cancelTimer(NAMES[timer.type], timer.tx);
