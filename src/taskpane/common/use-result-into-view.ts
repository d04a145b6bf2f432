import { useLayoutEffect, useRef, type RefObject } from "react";

/**
 * For the place an action's result appears (a success message, a summary, the
 * first finding): each time `result` becomes a new non-empty value, the place
 * is scrolled into view and given the focus, so that at 350 × 700 the officer
 * sees what happened without scrolling and a screen reader reads it out (the
 * focus moving is what is announced; a live region alone is not read by every
 * reader inside Office's pane). Attach the returned ref to an element with
 * tabIndex={-1}; nothing happens while `result` is null, undefined or false.
 */
export function useResultIntoView<T extends HTMLElement = HTMLDivElement>(result: unknown): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const shown = useRef<unknown>(undefined);
  useLayoutEffect(() => {
    if (result === shown.current) return;
    shown.current = result;
    if (result === null || result === undefined || result === false) return;
    const el = ref.current;
    if (!el) return;
    // jsdom has no scrollIntoView; a browser scrolls only as far as needed.
    el.scrollIntoView?.({ block: "nearest" });
    el.focus({ preventScroll: true });
  }, [result]);
  return ref;
}
