import { useEffect, useState } from 'react';

/**
 * Whether presenter mode shows the protocol's panel (Raft: the logs) beside or under the cluster. The
 * presenter's button toggles it; `isAsked` opens it from outside (a scenario's pause point that asks
 * for the panel): each time it turns true the panel opens, and the presenter can still close it.
 */
export function usePresenterPanel(isAsked = false) {
  const [isShown, setShown] = useState(isAsked);
  useEffect(() => {
    if (isAsked) setShown(true);
  }, [isAsked]);
  return { isShown, toggle: () => setShown((shown) => !shown), setShown };
}
