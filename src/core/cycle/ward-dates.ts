import { parsePeriod, type Period, type PeriodError, type PeriodOverrides } from "../periods/period";
import type { Result } from "../result";
import type { UnitRegistry } from "../units/registry";

/** The dates the ward's setup gives a period (its `periods` section), as overrides of the standard guidance. */
export function wardOverrides(registry: Pick<UnitRegistry, "periods">, id: string): PeriodOverrides {
  const set = registry.periods?.[id];
  if (!set) return {};
  const [from, to] = set.cutoff?.split("/") ?? [];
  return {
    ...(from && to ? { window: { from, to } } : {}),
    ...(set.deadline ? { unitDeadline: set.deadline } : {}),
    ...(set.wardDeadline ? { wardDeadline: set.wardDeadline } : {}),
  };
}

/**
 * A period with the ward's dates: what the officer typed for this run
 * (`given`: the CLI's --cutoff and --deadline, the pane's fields) over the
 * ward's setup, over the standard guidance.
 */
export function wardPeriod(registry: Pick<UnitRegistry, "periods">, id: string, given: PeriodOverrides = {}): Result<Period, PeriodError> {
  const standard = parsePeriod(id);
  // The setup's keys are written as periods are shown ("2026-H1"); "2026-h1" on the command line is the same period.
  return standard.ok ? parsePeriod(id, { ...wardOverrides(registry, standard.value.id), ...given }) : standard;
}
