import { useSyncExternalStore } from 'react';
import { partnerOf } from '../../app/compare/compare';
import type { SideStore } from '../../app/compare/sideStore';
import { useStoreApi } from '../../app/useStore';

/** The second run of a comparison, or null while the page shows one run; changes when one opens or ends. */
export function usePartner(): SideStore | null {
  const store = useStoreApi();
  return useSyncExternalStore(store.subscribe, () => partnerOf(store));
}
