import { type LinkSwitchInput, linkSwitch } from './linkSwitch';

export type MendInput = LinkSwitchInput<'mend'>;

/** Undoes `cut`: the link carries messages again (one direction with `oneWay`). */
export const mend = linkSwitch('mend');
