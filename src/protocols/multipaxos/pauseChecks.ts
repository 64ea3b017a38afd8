import type { PauseCheck } from '../../engine/protocol';
import type { MultiPaxosContext } from './types';

/** What the multipaxos lecture's captions and questions say at its pause points (src/app/pauseChecks.test.ts checks them). */
export const multiPaxosPauseChecks: Readonly<Record<string, readonly PauseCheck<MultiPaxosContext>[]>> = {};
