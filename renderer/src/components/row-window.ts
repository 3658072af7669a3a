// Windowing for a long list of rows of one fixed height: which rows are (nearly) in view in a
// scrolling element, so only those exist in the DOM. The element's scroll position and size are
// an external store (useSyncExternalStore); the component re-renders when the first visible row or
// the number of visible rows changes, not on every scrolled pixel.
import { useCallback, useState, useSyncExternalStore } from 'react';

export interface RowWindow {
  /** the callback ref for the scrolling element */
  scrollRef: (el: HTMLElement | null) => void;
  /** rows [first, last] are rendered (last < first when there are none) */
  first: number;
  last: number;
  /** the height of all rows, for the spacer that gives the scrollbar its length */
  totalHeight: number;
}

export function useRowWindow(count: number, rowHeight: number, overscan: number): RowWindow {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (el === null) return () => undefined;
      el.addEventListener('scroll', onChange, { passive: true });
      const resize = new ResizeObserver(onChange);
      resize.observe(el);
      return () => {
        el.removeEventListener('scroll', onChange);
        resize.disconnect();
      };
    },
    [el],
  );
  const topRow = useSyncExternalStore(subscribe, () => (el ? Math.floor(el.scrollTop / rowHeight) : 0));
  const rowsInView = useSyncExternalStore(subscribe, () => (el ? Math.ceil(el.clientHeight / rowHeight) : 0));
  return {
    scrollRef: setEl,
    first: Math.max(0, topRow - overscan),
    last: Math.min(count - 1, topRow + rowsInView + overscan),
    totalHeight: count * rowHeight,
  };
}
