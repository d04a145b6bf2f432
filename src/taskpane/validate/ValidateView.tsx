import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useId, useRef, useState, type DragEvent } from "react";
import { CATALOGUE, formTitle } from "../../core/forms/catalogue";
import { FORM_LAYOUT } from "../../core/layout/form-sheet";
import type { UiStrings } from "../../core/messages/vi-ui";
import { parsePeriod, type Period } from "../../core/periods/period";
import type { Finding, Severity } from "../../core/validate/finding";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { ConfirmReplaceDialog } from "../common/ConfirmReplaceDialog";
import { ErrorMessage } from "../common/ErrorMessage";
import { ProgressRow } from "../common/ProgressRow";
import { StatusMessage } from "../common/StatusMessage";
import { UnitPeriodFields } from "../common/UnitPeriodFields";
import { useFocusAfterWork } from "../common/use-focus-after-work";
import { WrittenMessage } from "../common/WrittenMessage";
import { useViewStyles } from "../common/view-styles";
import { useValidateRunner } from "../aggregate/runner-context";
import { useHost } from "../host-context";
import { useStrings, type UiLang } from "../strings";
import { CellPreview } from "./CellPreview";
import { windowFor } from "./preview";
import { findingKey, pastedSheets, useValidate, type ConvertChoice, type FixChange, type Report, type SeverityFilter, type ValidatePhase } from "./use-validate";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: {
    rowGap: tokens.spacingVerticalM,
  },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: "center",
  },
  hiddenInput: {
    display: "none",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  filter: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  report: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  fileName: {
    margin: 0,
    wordBreak: "break-word",
  },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  groupTitle: {
    ...typographyStyles.body1Strong,
    margin: `${tokens.spacingVerticalS} 0 0`,
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  groupCount: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    rowGap: tokens.spacingVerticalXXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  finding: {
    ...typographyStyles.body1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: "none",
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    textAlign: "left",
    cursor: "pointer",
    wordBreak: "break-word",
    ":hover": { backgroundColor: tokens.colorNeutralBackground2Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  current: {
    backgroundColor: tokens.colorNeutralBackground2Selected,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  severity: {
    ...typographyStyles.caption1Strong,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  severityError: { color: tokens.colorPaletteRedForeground2, backgroundColor: tokens.colorPaletteRedBackground1 },
  severityWarning: { color: tokens.colorPaletteDarkOrangeForeground2, backgroundColor: tokens.colorPaletteYellowBackground1 },
  severityInfo: { color: tokens.colorPaletteBlueForeground2, backgroundColor: tokens.colorPaletteBlueBackground2 },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
  },
  fix: {
    alignSelf: "flex-start",
    margin: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
  },
  reveal: {
    display: "flex",
    flexDirection: "column",
    margin: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  revealTitle: {
    ...typographyStyles.caption1Strong,
  },
  bigCell: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalXS} 0`,
    wordBreak: "break-word",
  },
  changes: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  change: {
    wordBreak: "break-word",
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
  },
  convert: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  choice: {
    display: "flex",
    flexDirection: "column",
    alignSelf: "stretch",
    rowGap: tokens.spacingVerticalS,
  },
});

type Styles = ReturnType<typeof useStyles>;

/** Forms in catalogue order; workbook-level findings (no form) first. */
function groupByForm(findings: readonly Finding[]): { form: string; indexes: number[] }[] {
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

/** The Kiểm tra action: checks the open workbook (Excel) or chosen .xlsx files (browser) and lists what is wrong, cell by cell. */
export function ValidateView({ today }: { today?: Date } = {}) {
  const host = useHost();
  const { lang, t } = useStrings();
  const s = t.validate;
  const view = useViewStyles();
  const styles = useStyles();
  const runner = useValidateRunner();
  const state = useValidate(host, runner, s, lang, today);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { phase } = state;
  // Back on Kiểm tra after the work that replaced it with Dừng (a keyboard user is not sent to the top).
  const checkButton = useFocusAfterWork(state.working);

  const totals = { error: 0, warning: 0, info: 0 };
  for (const r of state.reports) for (const sev of SEVERITIES) totals[sev] += r.result?.counts[sev] ?? 0;
  const anyFindings = totals.error + totals.warning + totals.info > 0;

  const pick = () => input.current?.click();
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!state.working) state.chooseFiles([...event.dataTransfer.files]);
  };

  return (
    <section className={mergeClasses(view.root, styles.root)} aria-busy={state.working}>
      <Caption1 className={view.muted}>{state.excel ? s.intro.excel : s.intro.browser}</Caption1>

      {state.excel ? null : (
        <div
          className={mergeClasses(styles.drop, dragging && view.dropActive)}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <input
            ref={input}
            className={styles.hiddenInput}
            type="file"
            accept={XLSX_ACCEPT}
            multiple
            aria-label={s.filesLabel}
            onChange={(event) => {
              const chosen = [...(event.currentTarget.files ?? [])];
              // Cleared so that choosing the same file again (after editing it) fires a change.
              event.currentTarget.value = "";
              state.chooseFiles(chosen);
            }}
          />
          <Button disabled={state.working} onClick={pick}>
            {s.pick}
          </Button>
          <Caption1>{s.dropHint}</Caption1>
        </div>
      )}

      {state.working ? (
        <ProgressRow label={workingLabel(phase, s)} stopLabel={s.stop} onStop={phase.kind === "working" && phase.task === "check" ? state.stop : undefined} />
      ) : (
        <Button ref={checkButton} appearance="primary" className={view.primary} onClick={state.excel || state.fileCount > 0 ? state.check : pick}>
          {s.check}
        </Button>
      )}

      {state.excel ? (
        <div className={styles.actions}>
          {state.canMark ? (
            <Button size="small" disabled={state.working} onClick={state.mark}>
              {s.mark}
            </Button>
          ) : null}
          {state.canClear ? (
            <Button size="small" disabled={state.working} onClick={state.clearMarks}>
              {s.clearMarks}
            </Button>
          ) : null}
          {state.canFix && state.fixable.length > 0 ? (
            <Button size="small" disabled={state.working} onClick={() => state.askFix(state.fixable)}>
              {s.fixAll}
            </Button>
          ) : null}
        </div>
      ) : null}

      <PhaseMessage phase={phase} s={s} />

      {anyFindings ? (
        <div className={styles.filter} role="group" aria-label={s.filterLabel}>
          {(["all", ...SEVERITIES] as SeverityFilter[]).map((f) => (
            <ToggleButton key={f} size="small" checked={state.filter === f} onClick={() => state.setFilter(f)}>
              {s.filterOption(f === "all" ? s.filterAll : s.severity[f], f === "all" ? totals.error + totals.warning + totals.info : totals[f])}
            </ToggleButton>
          ))}
        </div>
      ) : null}

      {state.reports.map((report) => (
        <ReportView key={report.id} report={report} state={state} styles={styles} />
      ))}

      <FixDialog changes={state.pendingFix} onConfirm={state.confirmFix} onCancel={state.cancelFix} styles={styles} />
      <ConfirmReplaceDialog existing={state.replaceAsk} strings={s.convert} onReplace={state.replaceConverted} onKeep={state.keepExisting} />
    </section>
  );
}

function workingLabel(phase: ValidatePhase, s: UiStrings["validate"]): string {
  if (phase.kind !== "working") return s.working;
  switch (phase.task) {
    case "mark":
      return s.workingMark;
    case "clear":
      return s.workingClear;
    case "fix":
      return s.workingFix;
    case "convert":
      return s.workingConvert;
    default:
      return phase.file ? s.workingFile(phase.file) : s.working;
  }
}

/** What the last action said: stopped, a notice, or a Vietnamese error with the way forward. */
function PhaseMessage({ phase, s }: { phase: ValidatePhase; s: UiStrings["validate"] }) {
  if (phase.kind === "stopped") return <StatusMessage intent="info" title={s.stoppedTitle} text={s.stoppedText} />;
  if (phase.kind === "error") return <ErrorMessage title={s.errorTitles[phase.task]} error={phase.error} note={phase.task === "fix" ? s.fixUnchanged : undefined} />;
  if (phase.kind !== "done" || !phase.notice) return null;
  const notice = phase.notice;
  if (notice.kind === "converted") {
    const sheets = notice.sheets.join(", ");
    return (
      <WrittenMessage
        outcome={{ status: "written", sheets: notice.sheets, printSetupApplied: notice.printSetupApplied }}
        title={s.convert.doneTitle}
        text={
          notice.fileName
            ? s.convert.doneBrowser(sheets, notice.fileName, notice.unit, notice.period)
            : s.convert.doneExcel(sheets, notice.source, notice.unit, notice.period)
        }
        printNote={<PrintNote />}
      />
    );
  }
  return (
    <StatusMessage
      intent={notice.kind === "cleared" ? "info" : "success"}
      title={notice.kind === "fixed" ? s.fixedTitle : undefined}
      text={notice.kind === "marked" ? s.marked(notice.cells) : notice.kind === "fixed" ? s.fixed(notice.cells) : s.cleared}
    />
  );
}

/** How to set printing up by hand on Excel older than ExcelApi 1.9 (the words of Tạo biểu mẫu). */
function PrintNote() {
  const { t } = useStrings();
  return (
    <>
      <MessageBarTitle>{t.template.printTitle}</MessageBarTitle>
      <div>{t.template.printHow(`$${FORM_LAYOUT.headerRow}:$${FORM_LAYOUT.headerRow}`)}</div>
    </>
  );
}

type ValidateState = ReturnType<typeof useValidate>;

/** One workbook's outcome: the reason it could not be read, or its counts and findings grouped by form. */
function ReportView({ report, state, styles }: { report: Report; state: ValidateState; styles: Styles }) {
  const { lang, t } = useStrings();
  const view = useViewStyles();
  const s = t.validate;
  const headingId = useId();
  const { result } = report;
  const shown = (f: Finding) => state.filter === "all" || f.severity === state.filter;
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
          {state.canConvert(report) ? <ConvertBlock report={report} state={state} styles={styles} /> : null}
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
                styles={styles}
              />
            );
          })}
        </>
      ) : null}
    </section>
  );
}

function FindingGroup(props: { label: string; count: string; report: Report; indexes: number[]; state: ValidateState; styles: Styles }) {
  const { label, count, report, indexes, state, styles } = props;
  const headingId = useId();
  return (
    <div className={styles.group}>
      <h3 id={headingId} className={styles.groupTitle}>
        <span>{label}</span>
        <span className={styles.groupCount}>{count}</span>
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {indexes.map((i) => (
          <FindingItem key={i} report={report} index={i} state={state} styles={styles} />
        ))}
      </ul>
    </div>
  );
}

const SEVERITY_CLASS = { error: "severityError", warning: "severityWarning", info: "severityInfo" } as const;

/**
 * One finding: a button that takes the officer to its cell (Excel selects it;
 * the browser opens a preview of the sheet around it), and "Sửa" when the fix
 * is certain.
 */
function FindingItem({ report, index, state, styles }: { report: Report; index: number; state: ValidateState; styles: Styles }) {
  const { t } = useStrings();
  const s = t.validate;
  const finding = report.result!.findings[index];
  const messageId = useId();
  const previewId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const current = state.selected === findingKey(report, index);
  // Outside Excel: the cells around this finding, when the file's preview holds them.
  const place = !state.excel && finding.cell ? windowFor(report.preview, finding.cell) : undefined;
  const previewing = current && place !== undefined;
  const closePreview = () => {
    state.closePreview();
    // Back where the officer opened it from.
    button.current?.focus();
  };
  return (
    <li
      className={styles.item}
      onKeyDown={(event) => {
        if (event.key === "Escape" && previewing) {
          event.preventDefault();
          closePreview();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={mergeClasses(styles.finding, styles[finding.severity], current && styles.current)}
        data-finding-code={finding.code}
        data-cell={finding.cell ?? undefined}
        aria-current={current ? "true" : undefined}
        aria-expanded={place ? previewing : undefined}
        aria-controls={previewing ? previewId : undefined}
        onClick={() => state.select(report, index)}
      >
        <span className={styles.head}>
          <span className={mergeClasses(styles.severity, styles[SEVERITY_CLASS[finding.severity]])}>{s.severity[finding.severity]}</span>
          {finding.cell ? <span className={styles.cell}>{finding.cell}</span> : null}
          {finding.row ? <span className={styles.muted}>{s.rowLabel(finding.row)}</span> : null}
        </span>
        <span id={messageId}>{finding.message}</span>
        {finding.suggestion ? <span className={styles.muted}>{finding.suggestion}</span> : null}
        {finding.expected !== null || finding.actual !== null ? (
          <span className={styles.muted}>
            {finding.expected !== null ? (
              <>
                {s.expected}: <span className={styles.code}>{finding.expected}</span>
              </>
            ) : null}
            {finding.expected !== null && finding.actual !== null ? " · " : null}
            {finding.actual !== null ? (
              <>
                {s.actual}: <span className={styles.code}>{finding.actual === "" ? s.empty : finding.actual}</span>
              </>
            ) : null}
          </span>
        ) : null}
      </button>
      {previewing ? (
        <div id={previewId}>
          <CellPreview window={place.window} address={place.address} cellRef={finding.cell!} onClose={closePreview} />
        </div>
      ) : current && !state.excel && finding.cell ? (
        // No cells to show (the file's preview ran out of room): the cell's address, large, where the officer clicked.
        <div className={styles.reveal} role="status">
          <span className={styles.revealTitle}>{s.cellTitle}</span>
          <span className={styles.bigCell}>{finding.cell}</span>
          <span className={styles.muted}>{s.cellHowTo(finding.cell)}</span>
        </div>
      ) : null}
      {state.canFix && report.kind !== "import" && finding.fix ? (
        <Button size="small" className={styles.fix} disabled={state.working} aria-describedby={messageId} onClick={() => state.askFix([finding])}>
          {s.fix}
        </Button>
      ) : null}
    </li>
  );
}

/**
 * Chuyển sang biểu mẫu chuẩn, offered when the forms were found pasted into a
 * sheet; when the sheet does not say the unit or period, their fields first.
 */
function ConvertBlock({ report, state, styles }: { report: Report; state: ValidateState; styles: Styles }) {
  const { t } = useStrings();
  const view = useViewStyles();
  const c = t.validate.convert;
  const sheets = pastedSheets(report.result).join(", ");
  const choice = state.choice?.reportId === report.id ? state.choice : null;
  return (
    <div className={styles.convert}>
      <Caption1 className={view.muted}>{state.excel ? c.intro.excel(sheets) : c.intro.browser(sheets)}</Caption1>
      {choice ? (
        <ConvertChoiceForm choice={choice} state={state} styles={styles} />
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
function ConvertChoiceForm({ choice, state, styles }: { choice: ConvertChoice; state: ValidateState; styles: Styles }) {
  const { t } = useStrings();
  const view = useViewStyles();
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

/** What a fix will change, cell by cell (old → new), before anything is written. */
function FixDialog({ changes, onConfirm, onCancel, styles }: { changes: FixChange[] | null; onConfirm: () => void; onCancel: () => void; styles: Styles }) {
  const { t } = useStrings();
  const s = t.validate;
  return (
    <ConfirmDialog
      modalType="modal"
      open={changes !== null}
      title={changes && changes.length > 1 ? s.fixAllTitle(changes.length) : s.fixTitle}
      confirmLabel={s.apply}
      cancelLabel={s.cancel}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{s.fixIntro}</p>
      <ul className={styles.changes}>
        {(changes ?? []).map((c) => (
          <li key={c.cell} className={styles.change} data-fix-cell={c.cell}>
            <strong className={styles.code}>{c.cell}</strong>
            <div>
              {s.fixBefore}: <span className={styles.code}>{c.before}</span>
            </div>
            <div>
              {s.fixAfter}: <span className={styles.code}>{c.after}</span>
            </div>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
