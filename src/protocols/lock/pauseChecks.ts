import type { PauseCheck } from '../../engine/protocol';
import type { LockContext } from './types';

/** What each lock preset's captions and questions say at its pause points, as facts about the run. */
export const lockPauseChecks: Readonly<Record<string, readonly PauseCheck<LockContext>[]>> = {};
