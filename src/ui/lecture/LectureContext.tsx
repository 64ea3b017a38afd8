import { createContext, useContext } from 'react';
import type { Layout } from '../../app/player';

/** The page's layout and the lecture controls that change it, for the pieces that offer them. */
export interface LectureApi {
  readonly layout: Layout;
  /** Null in the embedded player, which has no presenter mode. */
  readonly setPresenting: ((isPresenting: boolean) => void) | null;
  readonly openHelp: () => void;
}

export const LectureContext = createContext<LectureApi>({
  layout: 'workbench',
  setPresenting: null,
  openHelp: () => {},
});

export function useLecture(): LectureApi {
  return useContext(LectureContext);
}
