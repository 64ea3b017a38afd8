import { type LinkSwitchInput, linkSwitch } from './linkSwitch';

export type CutInput = LinkSwitchInput<'cut'>;

/** One link stops carrying messages, both directions unless `oneWay`. */
export const cut = linkSwitch('cut');
