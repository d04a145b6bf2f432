import { Button, Caption1, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useId, useRef } from "react";
import { parsePeriod } from "../../core/periods/period";
import { OneFileInput } from "../common/OneFileInput";
import { useStrings } from "../strings";
import { useCycleStrings } from "./cycle-strings";
import type { PreviousState } from "./use-previous-file";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  label: { ...typographyStyles.body1, color: tokens.colorNeutralForeground1 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  error: { color: tokens.colorPaletteRedForeground1, wordBreak: "break-word" },
});

/** "Kỳ trước (không bắt buộc)": one earlier .xlsx, what it is (its period in words, its unit), or why it cannot be read. */
export function PreviousPicker(props: { state: PreviousState; onChoose: (file: File | null) => void; hint: string; disabled?: boolean }) {
  const { state, onChoose, hint, disabled } = props;
  const s = useCycleStrings().previous;
  const { lang } = useStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  let said: string | null = null;
  if (state.kind === "reading") said = s.reading(state.file);
  else if (state.kind === "read") {
    const period = state.earlier.periodId ? parsePeriod(state.earlier.periodId) : undefined;
    const what = [period?.ok ? period.value.label[lang] : s.unknownPeriod, state.earlier.unit].filter(Boolean).join(" – ");
    said = s.chosen(state.file, what);
  }
  return (
    <div className={styles.group} role="group" aria-labelledby={labelId} data-section="previous">
      <span id={labelId} className={styles.label}>
        {s.label}
      </span>
      <Caption1 className={styles.muted}>{hint}</Caption1>
      <div className={styles.row}>
        <Button size="small" disabled={disabled} onClick={() => input.current?.click()}>
          {s.pick}
        </Button>
        {state.kind !== "none" ? (
          <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onChoose(null)}>
            {s.clear}
          </Button>
        ) : null}
        <OneFileInput ref={input} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" label={s.label} onFile={onChoose} />
      </div>
      {said ? <Caption1 className={styles.muted}>{said}</Caption1> : null}
      {state.kind === "failed" ? (
        <Caption1 role="alert" className={styles.error}>
          {s.failed(state.file, state.reason)}
        </Caption1>
      ) : null}
    </div>
  );
}
