import { type RefObject, useLayoutEffect, useState } from 'react';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The element's content size, kept current with a ResizeObserver (null until measured, or where there is none). */
export function useElementSize(ref: RefObject<HTMLElement | null>, isEnabled: boolean): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!isEnabled || !element || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const width = Math.floor(element.clientWidth);
      const height = Math.floor(element.clientHeight);
      if (width > 0 && height > 0)
        setSize((old) => (old && old.width === width && old.height === height ? old : { width, height }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, isEnabled]);
  return size;
}
