/**
 * What browsers (and workers) have but jest's jsdom environment lacks, taken
 * from Node. Import it first in a jsdom test that reads .xlsx bytes.
 */
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as Record<string, unknown>;
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;

// jsdom lays nothing out: offsetParent is always null and the body measures
// 0 × 0, so Fluent's focus management (tabster) takes every element for
// hidden. A dialog then cannot focus its first button, and whether it shows
// itself to assistive technology depends on timing. Make rendered elements
// look laid out, as in a browser.
if (typeof HTMLElement !== "undefined") {
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      return this.isConnected && this.ownerDocument.body !== this ? this.parentElement : null;
    },
  });
  const measure = HTMLBodyElement.prototype.getBoundingClientRect;
  HTMLBodyElement.prototype.getBoundingClientRect = function (this: HTMLBodyElement) {
    const rect = measure.call(this);
    return rect.width === 0 && rect.height === 0 ? DOMRect.fromRect({ x: 0, y: 0, width: 320, height: 800 }) : rect;
  };
}
