import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { parsePeriod, type Period } from "../../core/periods/period";
import { UnitPeriodFields } from "../common/UnitPeriodFields";
import { useViewStyles } from "../common/view-styles";
import { useStrings } from "../strings";
import type { ValidateState } from "./use-validate";
import { useConvertStyles } from "./ValidateView.styles";
import { pastedSheets, type ConvertChoice, type Report } from "./validate-model";

/**
 * Chuyển sang biểu mẫu chuẩn, offered when the forms were found pasted into a
 * sheet; when the sheet does not say the unit or period, their fields first.
 */
export function ConvertBlock({ report, state }: { report: Report; state: ValidateState }) {
  const { t } = useStrings();
  const view = useViewStyles();
  const styles = useConvertStyles();
  const c = t.validate.convert;
  const sheets = pastedSheets(report.result).join(", ");
  const choice = state.choice?.reportId === report.id ? state.choice : null;
  return (
    <div className={styles.convert}>
      <Caption1 className={view.muted}>{state.excel ? c.intro.excel(sheets) : c.intro.browser(sheets)}</Caption1>
      {choice ? (
        <ConvertChoiceForm choice={choice} state={state} />
      ) : (
        <Button disabled={state.working} onClick={() => state.convert(report)}>
          {c.button}
        </Button>
      )}
    </div>
  );
}

/** The offered periods, with the one the sheet names when it is older than those. */
function periodsWith(periods: readonly Period[], id: string): Period[] {
  if (!id || periods.some((p) => p.id === id)) return [...periods];
  const parsed = parsePeriod(id);
  return parsed.ok ? [parsed.value, ...periods] : [...periods];
}

/** What the sheet does not say, asked before converting: the unit (may stay empty) and the period (never guessed). */
function ConvertChoiceForm({ choice, state }: { choice: ConvertChoice; state: ValidateState }) {
  const { t } = useStrings();
  const view = useViewStyles();
  const styles = useConvertStyles();
  const c = t.validate.convert;
  const periods = periodsWith(state.periods, choice.periodId);
  return (
    <div className={styles.choice} role="group" aria-label={c.button}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{c.chooseTitle}</MessageBarTitle>
          {choice.missing.period ? <div>{c.noPeriod(choice.dates.join(", "))}</div> : null}
          {choice.missing.unit ? <div>{c.noUnit}</div> : null}
        </MessageBarBody>
      </MessageBar>
      <UnitPeriodFields
        unit={choice.unit}
        onUnitChange={state.setChoiceUnit}
        period={periods.find((p) => p.id === choice.periodId)}
        periods={periods}
        onPeriodChange={state.setChoicePeriod}
        disabled={state.working}
        strings={c}
      />
      {choice.periodId ? null : <Caption1 className={view.muted}>{c.periodRequired}</Caption1>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={state.working || !choice.periodId} onClick={state.confirmChoice}>
          {c.run}
        </Button>
        <Button disabled={state.working} onClick={state.cancelChoice}>
          {c.cancel}
        </Button>
      </div>
    </div>
  );
}
