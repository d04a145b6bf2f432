"use strict";
/**
 * What scripts/bench-pane.js installs in the pane's page before its own
 * scripts run (page.addInitScript): long tasks, and a MutationObserver that
 * stamps (epoch ms: performance.timeOrigin + performance.now(), comparable
 * with the Node process's clock) every change of the progress text, the
 * first summary, the first finding, the "Đã dừng" message and the template
 * view's main button becoming usable. Each stamp also gets the time of the
 * next animation frame, the frame that paints it ("…Frame").
 */
function pageProbe() {
  const now = () => performance.timeOrigin + performance.now();
  const b = { longtasks: [], progress: [], marks: {}, timeOrigin: performance.timeOrigin };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push([performance.timeOrigin + e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    b.noLongtask = true;
  }
  const mark = (key) => {
    if (b.marks[key] !== undefined) return;
    b.marks[key] = now();
    requestAnimationFrame(() => {
      b.marks[key + "Frame"] = now();
    });
  };
  let last = null;
  const isMainButton = (el, text) => el.getAttribute("role") !== "tab" && el.textContent.trim() === text;
  const look = () => {
    const bar = document.querySelector('[role="progressbar"]');
    const text = bar ? bar.getAttribute("aria-valuetext") || "" : null;
    if (text !== last) {
      last = text;
      b.progress.push([now(), text]);
    }
    // AggregateSummary: one item per file read (used, no forms, unreadable).
    if (document.querySelector("[data-file-status]")) mark("summary");
    // FindingItem: a finding of Kiểm tra is a button carrying its code.
    if (document.querySelector("button[data-finding-code]")) mark("finding");
    for (const s of document.querySelectorAll('[role="status"]')) if (s.textContent.includes("Đã dừng")) mark("stopped");
    if (b.marks.ready === undefined) {
      for (const el of document.querySelectorAll("button")) {
        if (isMainButton(el, "Tạo biểu mẫu") && !el.disabled && el.getAttribute("aria-disabled") !== "true" && el.offsetParent !== null) mark("ready");
      }
    }
  };
  const start = () => {
    new MutationObserver(look).observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["aria-valuetext", "disabled", "aria-disabled"],
    });
    look();
  };
  if (document.documentElement) start();
  else document.addEventListener("readystatechange", start, { once: true });
  document.addEventListener(
    "change",
    (e) => {
      if (e.target && e.target.type === "file") mark("files");
    },
    true,
  );
  document.addEventListener(
    "click",
    (e) => {
      const button = e.target && e.target.closest ? e.target.closest("button") : null;
      if (!button) return;
      const text = button.textContent.trim();
      if (isMainButton(button, "Tổng hợp")) mark("run");
      if (text === "Dừng") mark("stop");
    },
    true,
  );
}

module.exports = { pageProbe };
