/**
 * Passes on the latest of a stream of values at most once every `ms`: the
 * first at once, then the newest when the time is up, so the last one is
 * never lost. `cancel()` drops one still waiting (the run ended meanwhile).
 */
export function latestEvery<T>(ms: number, pass: (value: T) => void): { push: (value: T) => void; cancel: () => void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: T;
  const flush = () => {
    timer = undefined;
    last = Date.now();
    pass(latest);
  };
  return {
    push(value) {
      latest = value;
      if (timer !== undefined) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
