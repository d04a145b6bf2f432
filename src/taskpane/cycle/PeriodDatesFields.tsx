import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Period } from "../../core/periods/period";
import { useFieldStyles } from "../common/field-styles";
import { useCycleStrings } from "./cycle-strings";
import { baseValue, NO_DATES, type DateField, type DateProblem, type DatesDraft } from "./period-dates";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(10rem, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  reset: { justifySelf: "start" },
});

/**
 * The period's dates, each a date field prefilled with what the ward's setup
 * (or the standard guidance) gives; what the officer types goes over it for
 * this run. `wardDeadline`: the ward's own deadline is shown too (Tổng hợp).
 */
export function PeriodDatesFields(props: {
  base: Period;
  typed: DatesDraft;
  problems: Partial<Record<DateField, DateProblem>>;
  onChange: (typed: DatesDraft) => void;
  hint: string;
  wardDeadline?: boolean;
  disabled?: boolean;
}) {
  const { base, typed, problems, onChange, hint, disabled } = props;
  const s = useCycleStrings().dates;
  const styles = useStyles();
  const field = useFieldStyles();
  const titleId = useId();
  const fields: DateField[] = props.wardDeadline ? ["from", "to", "deadline", "wardDeadline"] : ["from", "to", "deadline"];
  const changed = fields.some((f) => typed[f] !== "" && typed[f] !== baseValue(base, f));
  return (
    <fieldset className={field.fieldset} aria-labelledby={titleId} data-section="period-dates">
      <legend id={titleId} className={field.legend}>
        {s.title}
      </legend>
      <Caption1 className={styles.muted}>{hint}</Caption1>
      <div className={styles.grid}>
        {fields.map((f) => {
          const problem = problems[f];
          return (
            <Field
              key={f}
              label={s[f]}
              hint={f === "wardDeadline" ? s.noWardDeadline : undefined}
              validationState={problem ? "error" : "none"}
              validationMessage={problem ? s[problem] : undefined}
            >
              <Input
                type="date"
                name={f}
                value={typed[f] !== "" ? typed[f] : baseValue(base, f)}
                disabled={disabled}
                onChange={(_, data) => onChange({ ...typed, [f]: data.value })}
              />
            </Field>
          );
        })}
      </div>
      {changed ? (
        <Button size="small" appearance="subtle" className={styles.reset} disabled={disabled} onClick={() => onChange(NO_DATES)}>
          {s.reset}
        </Button>
      ) : null}
    </fieldset>
  );
}
