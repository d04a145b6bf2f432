import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text } from "@fluentui/react-components";
import { useId } from "react";
import { CATALOGUE, formTitle } from "../../core/forms/catalogue";
import type { UiStrings } from "../../core/messages/vi-ui";
import type { RawFinding } from "../../core/validate/finding";
import { useViewStyles } from "../common/view-styles";
import { useStrings, type UiLang } from "../strings";
import { ConvertBlock } from "./ConvertBlock";
import { FindingItem } from "./FindingItem";
import type { ValidateState } from "./use-validate";
import { useReportStyles } from "./ValidateView.styles";
import type { Report } from "./validate-model";

/** Forms in catalogue order; workbook-level findings (no form) first. */
function groupByForm(findings: readonly RawFinding[]): { form: string; indexes: number[] }[] {
  const order = ["", ...CATALOGUE.forms.map((f) => f.id)];
  const groups = new Map<string, number[]>();
  findings.forEach((f, i) => groups.set(f.form, [...(groups.get(f.form) ?? []), i]));
  const rank = (form: string) => (order.includes(form) ? order.indexOf(form) : order.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([form, indexes]) => ({ form, indexes }));
}

const groupLabel = (form: string, s: UiStrings["validate"], lang: UiLang) => {
  if (form === "") return s.workbookGroup;
  const found = CATALOGUE.forms.find((f) => f.id === form);
  const title = found && formTitle(found, lang);
  return title ? s.formGroup(form, title) : form;
};

/** One workbook's outcome: the reason it could not be read, or its counts and findings grouped by form. */
export function ReportView({ report, state }: { report: Report; state: ValidateState }) {
  const { lang, t } = useStrings();
  const view = useViewStyles();
  const styles = useReportStyles();
  const s = t.validate;
  const headingId = useId();
  const { result } = report;
  const shown = (f: RawFinding) => state.filter === "all" || f.severity === state.filter;
  const heading = report.title ?? report.file;

  return (
    <section className={styles.report} aria-labelledby={heading ? headingId : undefined} data-report-kind={report.kind ?? "check"}>
      {heading ? (
        <Subtitle2 as="h2" id={headingId} className={styles.fileName}>
          {heading}
        </Subtitle2>
      ) : null}
      {report.kind === "import" ? <Caption1 className={view.muted}>{s.convert.reportHint}</Caption1> : null}

      {report.error ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{s.fileErrorTitle}</MessageBarTitle>
            <div>{report.error}</div>
            {report.resave ? <div>{s.fileErrorHint}</div> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {result && report.kind === "import" && result.findings.length === 0 ? <Text>{s.convert.readingNone}</Text> : null}

      {result ? (
        <>
          {report.kind === "import" ? null : <Text weight="semibold">{s.summary(result.counts)}</Text>}
          {result.counts.error === 0 && report.kind !== "import" ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{s.cleanTitle}</MessageBarTitle>
                <div>{result.counts.warning > 0 ? s.cleanWithWarnings(result.counts.warning) : s.cleanText}</div>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {state.canConvert(report) ? <ConvertBlock report={report} state={state} /> : null}
          {state.excel && result.findings.length > 0 ? <Caption1 className={view.muted}>{s.goToHint}</Caption1> : null}
          {!state.excel && report.preview && report.preview.length > 0 ? <Caption1 className={view.muted}>{s.previewHint}</Caption1> : null}

          {result.findings.length > 0 && !result.findings.some(shown) ? <Caption1>{s.noneShown}</Caption1> : null}

          {groupByForm(result.findings).map(({ form, indexes }) => {
            const visible = indexes.filter((i) => shown(result.findings[i]));
            if (visible.length === 0) return null;
            return (
              <FindingGroup
                key={form || "workbook"}
                label={groupLabel(form, s, lang)}
                count={s.groupCount(visible.length)}
                report={report}
                indexes={visible}
                state={state}
              />
            );
          })}
        </>
      ) : null}
    </section>
  );
}

/** The findings of one form (or of the workbook), under its heading. */
function FindingGroup(props: { label: string; count: string; report: Report; indexes: number[]; state: ValidateState }) {
  const { label, count, report, indexes, state } = props;
  const styles = useReportStyles();
  const headingId = useId();
  return (
    <div className={styles.group}>
      <h3 id={headingId} className={styles.groupTitle}>
        <span>{label}</span>
        <span className={styles.groupCount}>{count}</span>
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {indexes.map((i) => (
          <FindingItem key={i} report={report} index={i} state={state} />
        ))}
      </ul>
    </div>
  );
}
