import { useEffect, useState } from 'react';

/**
 * The screen classes the workbench is designed for. CSS draws each one (phone.css, tablet.css); these
 * queries are for the few places where the page's structure differs, and must match those files.
 */
export const PHONE = '(max-width: 699px)';
/** Below this width the tools leave the side and open as a sheet. */
export const COMPACT = '(max-width: 1099px)';
/** Wide enough to show the protocol's panel and the diagram side by side. */
export const SIDE_BY_SIDE = '(min-width: 1600px)';

/** Whether a media query matches now; follows it as the window changes. */
export function useMedia(query: string): boolean {
  const get = () => typeof window !== 'undefined' && !!window.matchMedia?.(query).matches;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}
