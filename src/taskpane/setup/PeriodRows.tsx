import { Button, Caption1, Dropdown, Field, Input, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { parsePeriod, recentPeriodIds } from "../../core/periods/period";
import { useStrings } from "../strings";
import { useSetupStyles } from "./SetupEditor.styles";
import { emptyPeriod, fieldKeys, type PeriodDraft } from "./setup-draft";
import { useSetupStrings } from "./setup-strings";

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(9rem, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "end",
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const DATE_FIELDS = [
  { field: "from", label: "periodFrom", issue: "cutoff" },
  { field: "to", label: "periodTo", issue: "cutoff" },
  { field: "deadline", label: "periodDeadline", issue: "deadline" },
  { field: "wardDeadline", label: "periodWardDeadline", issue: "wardDeadline" },
] as const;

/**
 * The setup's `periods`: for each period the ward set dates for, its cut-off
 * window, the units' deadline and the ward's own. Checked with the rest of the
 * setup on Lưu, the messages beside the fields.
 */
export function PeriodRows(props: {
  periods: readonly PeriodDraft[];
  onChange: (periods: PeriodDraft[]) => void;
  messages: (key: string) => string[] | undefined;
  today?: Date;
}) {
  const { periods, onChange, messages } = props;
  const { lang } = useStrings();
  const s = useSetupStrings().setup;
  const shared = useSetupStyles();
  const styles = useStyles();
  const titleId = useId();
  const label = (id: string) => {
    const p = parsePeriod(id);
    return p.ok ? p.value.label[lang] : id;
  };
  const offered = recentPeriodIds(props.today ?? new Date());
  const used = new Set(periods.map((p) => p.id));
  const free = offered.filter((id) => !used.has(id));
  const change = (key: string, patch: Partial<PeriodDraft>) => onChange(periods.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  return (
    <div className={shared.block} role="group" aria-labelledby={titleId} data-section="setup-periods">
      <h3 className={shared.subheading} id={titleId}>
        {s.periodsTitle}
      </h3>
      <Caption1 className={shared.muted}>{s.periodsHint}</Caption1>
      {periods.map((p) => (
        <div key={p.key} className={styles.row} data-period={p.id}>
          <Field label={s.periodLabel}>
            <Dropdown value={label(p.id)} selectedOptions={[p.id]} onOptionSelect={(_, data) => data.optionValue && change(p.key, { id: data.optionValue })}>
              {[p.id, ...free].map((id) => (
                <Option key={id} value={id}>
                  {label(id)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {DATE_FIELDS.map(({ field, label: text, issue }) => {
            // A cut-off's message is the pair's: shown once, under its last date.
            const said = field === "from" ? undefined : messages(fieldKeys.period(p.key, issue));
            const bad = said ?? (field === "from" ? messages(fieldKeys.period(p.key, issue)) : undefined);
            return (
              <Field key={field} label={s[text]} validationState={bad ? "error" : "none"} validationMessage={said?.join(" ")}>
                <Input type="date" name={`${field}-${p.id}`} value={p[field]} onChange={(_, data) => change(p.key, { [field]: data.value })} />
              </Field>
            );
          })}
          <Button size="small" appearance="subtle" aria-label={s.removePeriod(label(p.id))} onClick={() => onChange(periods.filter((x) => x.key !== p.key))}>
            {s.remove}
          </Button>
        </div>
      ))}
      <Button className={shared.toggle} disabled={free.length === 0} onClick={() => onChange([...periods, emptyPeriod(free[0])])}>
        {s.addPeriod}
      </Button>
    </div>
  );
}
