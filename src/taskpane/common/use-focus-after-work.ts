import { useLayoutEffect, useRef, type RefObject } from "react";

/** Whether the focus is nowhere (on the page's body): what happens when the focused control is taken off the page or disabled. */
export function focusIsLost(): boolean {
  if (typeof document === "undefined") return false;
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * For an element about to leave the page with the focus in it: once the page
 * has changed, the focus goes to what took its place (the same position among
 * the children of its nearest ancestor still on the page), or the first
 * focusable element within that, if the focus was lost meanwhile.
 */
export function focusWhereItWas(el: Element): void {
  const path: { parent: Element; index: number }[] = [];
  for (let node: Element = el; node.parentElement && path.length < 5; node = node.parentElement) {
    path.push({ parent: node.parentElement, index: Array.prototype.indexOf.call(node.parentElement.children, node) });
  }
  queueMicrotask(() => {
    if (!focusIsLost()) return;
    const place = path.find((p) => p.parent.isConnected);
    const taken = place?.parent.children[place.index];
    if (!taken) return;
    const target = taken.matches(FOCUSABLE) ? taken : taken.querySelector(FOCUSABLE);
    (target as HTMLElement | null)?.focus();
  });
}

/**
 * For the button a long piece of work is started with: when the work is over
 * it gets the focus if the focus was lost meanwhile (a control that had it
 * was disabled during the work, e.g. Chọn tệp while the chosen files are
 * checked), so that a keyboard user goes on from there instead of from the
 * top of the page. Attach the returned ref to the button.
 */
export function useFocusAfterWork<T extends HTMLElement = HTMLButtonElement>(busy: boolean): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const wasBusy = useRef(busy);
  useLayoutEffect(() => {
    const ended = wasBusy.current && !busy;
    wasBusy.current = busy;
    if (ended && focusIsLost()) ref.current?.focus();
  }, [busy]);
  return ref;
}
