import { useMemo, useState } from "react";
import { parsePeriod, recentPeriodIds, type Period } from "../../core/periods/period";

const periodsAround = (today: Date): Period[] =>
  recentPeriodIds(today).flatMap((id) => {
    const parsed = parsePeriod(id);
    return parsed.ok ? [parsed.value] : [];
  });

/**
 * The periods offered around `today` (tests pin it; otherwise now), fixed at
 * first render: the list must not shift while the officer is choosing.
 */
export function useRecentPeriods(today?: Date): { now: Date; periods: Period[] } {
  const [now] = useState(() => today ?? new Date());
  const periods = useMemo(() => periodsAround(now), [now]);
  return { now, periods };
}
