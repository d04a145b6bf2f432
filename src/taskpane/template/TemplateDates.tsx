import { useEffect, useMemo, useState } from "react";
import { wardPeriod } from "../../core/cycle/ward-dates";
import type { Period } from "../../core/periods/period";
import { useCycleStrings } from "../cycle/cycle-strings";
import { checkDates, NO_DATES } from "../cycle/period-dates";
import { PeriodDatesFields } from "../cycle/PeriodDatesFields";
import { useWardSetup } from "../setup/use-ward-setup";

/**
 * The dates Tạo biểu mẫu prints (cut-off and deadline): the ward's setup's
 * for the chosen period (else the standard guidance's), each changeable for
 * this template. Fetched after the pane's first render, with the setup it
 * reads. Tells the view the period with its dates once the setup is known
 * (null while a typed date is wrong).
 */
export function TemplateDates({
  periodId,
  onPeriod,
  disabled,
}: {
  periodId: string;
  onPeriod: (period: Period | null | undefined) => void;
  disabled?: boolean;
}) {
  const s = useCycleStrings().dates;
  const setup = useWardSetup({ onDemand: true });
  const [typed, setTyped] = useState({ periodId, dates: NO_DATES });
  const { load } = setup;
  useEffect(load, [load]);
  // Another period: its own dates, nothing typed.
  const dates = typed.periodId === periodId ? typed.dates : NO_DATES;
  const base = useMemo(() => {
    const p = wardPeriod(setup.setup ?? {}, periodId);
    return p.ok ? p.value : undefined;
  }, [setup.setup, periodId]);
  const checked = useMemo(() => (base ? checkDates(base, dates) : undefined), [base, dates]);
  const ready = setup.status === "ready";
  useEffect(() => {
    // Not before the setup is read: until then the plan's own step reads it.
    onPeriod(ready && checked ? (checked.period ?? null) : undefined);
  }, [ready, checked, onPeriod]);
  if (!base || !checked) return null;
  return (
    <PeriodDatesFields
      base={base}
      typed={dates}
      problems={checked.problems}
      onChange={(next) => setTyped({ periodId, dates: next })}
      hint={s.templateHint}
      disabled={disabled}
    />
  );
}
