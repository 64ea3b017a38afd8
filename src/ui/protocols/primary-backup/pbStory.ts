import type { PbConfig } from '../../../protocols/primary-backup/types';

/** What the panel says a write needs before the primary acknowledges it, by mode (config.ts). */
export function ackRule(mode: PbConfig['mode'], semiSyncOn: boolean | null): string {
  switch (mode) {
    case 'async':
      return 'Async: the primary acknowledges a write as soon as it is in its own log.';
    case 'semi-sync':
      return semiSyncOn === false
        ? 'Semi-sync, fallen back to async: no Ack came within semiSyncTimeoutMs, so writes are acknowledged at once until a backup catches up.'
        : 'Semi-sync: the primary acknowledges a write once one backup has acknowledged it.';
    case 'sync':
      return 'Sync: the primary acknowledges a write only once every backup has it; a backup down blocks writes.';
    default:
      return mode satisfies never;
  }
}

/** Background of a log entry by its epoch; the epoch is always written in the cell too. */
const epochColors = ['#e8eaed', '#cfe3fb', '#fbe3a6', '#c9efd9', '#f8d0e4', '#ddd5fb', '#fdd5b1', '#c6f0f4'];

export const epochColor = (epoch: number): string => epochColors[epoch % epochColors.length] as string;
