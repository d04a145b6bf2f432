import { latestEvery } from "../../src/taskpane/common/latest-every";

describe("progress drawn at most every 100 ms, the newest always", () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it("passes the first value at once, then only the newest of a burst when the time is up", () => {
    const seen: number[] = [];
    const shown = latestEvery<number>(100, (n) => seen.push(n));
    for (let n = 1; n <= 1000; n++) {
      shown.push(n);
      jest.advanceTimersByTime(1); // a file a millisecond, as the worker reports them
    }
    jest.advanceTimersByTime(100);
    expect(seen[0]).toBe(1);
    expect(seen[seen.length - 1]).toBe(1000);
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(seen.length).toBeLessThanOrEqual(11);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("drops the one still waiting once cancelled (the run ended)", () => {
    const seen: number[] = [];
    const shown = latestEvery<number>(100, (n) => seen.push(n));
    shown.push(1);
    shown.push(2);
    shown.cancel();
    jest.advanceTimersByTime(500);
    expect(seen).toEqual([1]);
  });
});
