import { Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState, type Ref } from "react";
import type { AggregationResult, FileUse } from "../../core/aggregate/aggregate";
import { fileUseDetail } from "../../core/messages/file-use";
import { toFinding } from "../../core/messages/word";
import { firstNamed } from "../../core/messages/writers";
import { parsePeriod } from "../../core/periods/period";
import type { Finding, FindingCode, RawFindingOf, Severity } from "../../core/validate/finding";
import { countFindings } from "../../core/validate/validate-workbook";
import { ErrorMessage } from "../common/ErrorMessage";
import { usePanelStyles } from "../common/panel-styles";
import { severityClasses, useSeverityStyles } from "../common/severity-styles";
import { describeError, type ErrorView } from "../describe-error";
import { useHost } from "../host-context";
import { useSetupStrings } from "../setup/setup-strings";
import { useStrings } from "../strings";
import { hostCell } from "../jobs/preview";
import type { FileChecks } from "./use-file-checks";
import { useSummaryStyles } from "./summary-styles";
import { SubmissionsBoard } from "./SubmissionsBoard";
import { DuplicateItem, FileFindings } from "./UnitFindingItems";
import { LongSection } from "./long-list";

const useStyles = makeStyles({
  // A thousand units' lines: those off screen are not laid out until scrolled to (the summary of 1,000 files took 0.6 s of layout).
  unitLine: {
    contentVisibility: "auto",
    containIntrinsicSize: "auto 4.5em",
  },
  root: {
    rowGap: tokens.spacingVerticalM,
    ":focus": { outline: "none" },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  counts: {
    display: "block",
    color: tokens.colorNeutralForeground2,
  },
  forms: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    wordBreak: "break-word",
  },
  cell: {
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Aggregation findings shown in their own sections, in this order. */
const SECTIONS: { code: FindingCode; key: "missing" | "duplicates" | "conflicts" | "unknown" | "wrongPeriod" }[] = [
  { code: "UNIT_MISSING", key: "missing" },
  { code: "UNIT_DUPLICATE", key: "duplicates" },
  { code: "VALUES_CONFLICT", key: "conflicts" },
  { code: "UNKNOWN_UNIT", key: "unknown" },
  { code: "PERIOD_MISMATCH", key: "wrongPeriod" },
];
const WARD_CODES = new Set<FindingCode>(SECTIONS.map((s) => s.code));

/**
 * A finding on the ward's own figures: of no unit's file, at a cell of the
 * ward's BM sheets, or about a form of the ward without one (not one of the
 * sections above).
 */
export const isWardFigureFinding = (f: Finding): boolean => f.file === undefined && (!!f.cell || !WARD_CODES.has(f.code));

/** "BM3 1.1: …", "tệp.xlsx: …": where a finding is, before what it says. */
function where(f: Finding): string {
  if (f.code === "PERIOD_MISMATCH" || f.code === "UNKNOWN_UNIT") return f.file ? `${f.file}: ` : "";
  if (f.code === "VALUES_CONFLICT") return f.form ? `${f.form}${f.row ? ` ${f.row}` : ""}: ` : "";
  return "";
}

/**
 * What the officer reads before writing: who sent what, how each form was
 * combined, what is wrong with the ward's own figures, and everything that
 * does not fit. `written`: the ward's sheets are in the open workbook, so a
 * finding on them can take the officer to its cell.
 */
export function AggregateSummary({
  result,
  ward,
  written = false,
  checks,
  onRemoveFile,
  ref,
}: {
  result: AggregationResult;
  ward: string;
  written?: boolean;
  /** the picked files read again on demand: a unit finding's cells, the figures of a unit's two files */
  checks?: FileChecks;
  /** Bỏ tệp X beside a duplicate's files (absent while the view is busy) */
  onRemoveFile?: (file: string) => void;
  /** the summary itself, which useResultIntoView brings into view and focuses when it appears */
  ref?: Ref<HTMLElement>;
}) {
  const styles = { ...useSummaryStyles(), ...useStyles() };
  const panel = usePanelStyles();
  const severities = useSeverityStyles();
  const headingId = useId();
  const host = useHost();
  const { lang, t } = useStrings();
  const s = t.aggregate;
  const w = useSetupStrings().aggregate;
  const [selectError, setSelectError] = useState<ErrorView | null>(null);
  const canGo = host.kind === "excel" && !!host.selectCell && written;
  const periodLabel = (id: string | undefined) => {
    if (!id) return s.noPeriod;
    const p = parsePeriod(id);
    return p.ok ? p.value.label[lang] : id;
  };
  const edge = (severity: Severity) => severityClasses(severities, severity).edge;
  const used = result.files.filter((f) => f.status === "used");
  const formless = result.files.filter((f) => f.status === "no-forms");
  const unreadable = result.files.filter((f) => f.status === "unreadable");
  // Put into words here, where they are shown, in the pane's language.
  const findings = useMemo(() => result.findings.map((f) => toFinding(f, lang)), [result, lang]);
  // A file's findings: its own (validation) and the aggregation's about it, bar those of the sections below.
  // The counts beside the file are of this same list, so "n lỗi, m cảnh báo" and "Xem k vấn đề" agree.
  const byFile = useMemo(() => {
    const out = new Map<string, Finding[]>();
    for (const f of findings) if (f.file !== undefined && !WARD_CODES.has(f.code)) (out.get(f.file) ?? out.set(f.file, []).get(f.file)!).push(f);
    return out;
  }, [findings]);
  const fileFindings = (file: string) => byFile.get(file) ?? [];
  const usedCounts = used.map((f) => countFindings(fileFindings(f.file)));
  const unitErrors = usedCounts.reduce((n, c) => n + c.error, 0);
  const unitWarnings = usedCounts.reduce((n, c) => n + c.warning, 0);
  // One line per unit that has not sent, naming its forms (not one line per unit and form).
  const missing = useMemo(() => {
    const byUnit = new Map<string, { unit: string; code: string; forms: string[]; like?: RawFindingOf<"UNIT_MISSING"> }>();
    for (const f of result.findings) {
      if (f.code !== "UNIT_MISSING" || f.file !== undefined) continue;
      const key = f.params.code || f.params.unit;
      const group = byUnit.get(key) ?? { unit: f.params.unit, code: f.params.code, forms: [] };
      if (!group.forms.includes(f.params.form)) group.forms.push(f.params.form);
      if (f.params.like.length > 0 && !group.like) group.like = f;
      byUnit.set(key, group);
    }
    return [...byUnit.values()];
  }, [result]);
  const duplicates = useMemo(() => result.findings.flatMap((raw, i) => (raw.code === "UNIT_DUPLICATE" ? [{ raw, i }] : [])), [result]);

  const goTo = (at: { sheet: string; address: string }) => {
    setSelectError(null);
    host.selectCell?.(at.sheet, at.address).catch((error: unknown) => setSelectError(describeError(error, t.validate.errors)));
  };

  const formItems = Object.entries(result.forms ?? {}).map(([id, c]) => {
    const mode = c.mode !== "sum" && !c.lead ? `${w.modeText[c.mode]} (${w.leadMissing})` : w.modeText[c.mode];
    return (
      <li key={id} data-form={id} data-mode={c.mode}>
        {w.formLine(id, c.mode === "sum" ? undefined : c.lead?.name, mode)}
      </li>
    );
  });

  const wardItem = (f: Finding, i: number) => {
    const at = hostCell(f);
    const body = (
      <>
        <Text className={styles.line}>
          {f.cell ? <span className={styles.cell}>{`${f.cell}: `}</span> : f.form ? `${f.form}${f.row ? ` ${f.row}` : ""}: ` : null}
          {f.message}
        </Text>
        {f.units && f.units.length > 0 ? <Caption1 className={styles.muted}>{w.findingUnits(firstNamed(f.units, ", ", w.moreUnits, String))}</Caption1> : null}
        {f.suggestion ? <Caption1 className={styles.muted}>{f.suggestion}</Caption1> : null}
      </>
    );
    return (
      <li
        key={`${f.code}-${i}`}
        className={mergeClasses(styles.item, edge(f.severity))}
        data-finding-code={f.code}
        data-severity={f.severity}
        data-cell={f.cell ?? undefined}
      >
        {canGo && at ? (
          <button type="button" className={styles.goTo} onClick={() => goTo(at)}>
            {body}
          </button>
        ) : (
          body
        )}
      </li>
    );
  };
  const wardFindings = findings.filter(isWardFigureFinding);

  // Files not used for want of a form, and files that could not be read: a line each, with why.
  const fileSections: { key: "noForms" | "unreadable"; status: FileUse["status"]; items: FileUse[]; text: (f: FileUse) => string }[] = [
    { key: "noForms", status: "no-forms", items: formless, text: (f) => `${f.file}: ${fileUseDetail(f, lang) ?? ""}` },
    { key: "unreadable", status: "unreadable", items: unreadable, text: (f) => fileUseDetail(f, lang) ?? f.file },
  ];

  const findingItem = (f: Finding, i: number) => (
    <li key={`${f.code}-${i}`} className={mergeClasses(styles.item, edge(f.severity))} data-finding-code={f.code} data-severity={f.severity}>
      <Text className={styles.line}>{`${where(f)}${f.message}`}</Text>
      <Caption1 className={styles.muted}>{f.suggestion}</Caption1>
    </li>
  );

  const usedItem = (f: FileUse, i: number) => {
    const own = fileFindings(f.file);
    const counts = usedCounts[i];
    return (
      <li
        key={f.file}
        className={mergeClasses(styles.item, styles.unitLine, counts.error > 0 ? edge("error") : counts.warning > 0 ? edge("warning") : undefined)}
        data-file-status="used"
        data-file={f.file}
      >
        <Text weight="semibold" className={styles.line}>
          {f.unitName || "?"}
        </Text>
        <Caption1 className={styles.muted}>{s.usedDetail(f.file, periodLabel(f.periodId))}</Caption1>
        <Caption1 className={mergeClasses(styles.counts, counts.error > 0 && severityClasses(severities, "error").text)}>
          {w.fileCounts(counts.error, counts.warning, counts.info)}
        </Caption1>
        {own.length > 0 ? <FileFindings findings={own} file={f.file} checks={checks} /> : null}
      </li>
    );
  };

  return (
    <section ref={ref} tabIndex={-1} className={mergeClasses(panel.panel, styles.root)} aria-labelledby={headingId} data-section="summary">
      <Subtitle2 as="h2" id={headingId} className={panel.heading}>
        {s.summaryTitle(ward, periodLabel(result.periodId))}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.summaryCounts(used.length, result.files.length)}</Caption1>

      {result.period ? <SubmissionsBoard board={result.submissions} deadline={result.period.unitDeadline} /> : null}
      {formItems.length > 0 ? (
        <div>
          <h3 className={styles.sectionTitle}>{w.formsTitle}</h3>
          <ul className={styles.forms}>{formItems}</ul>
        </div>
      ) : null}
      <LongSection title={s.sections.used} items={used} line={usedItem} of={result} lines="units" />
      {wardFindings.length > 0 ? (
        <div data-section="ward-figures">
          <h3 className={styles.sectionTitle}>{`${w.wardFindingsTitle} (${wardFindings.length})`}</h3>
          <Caption1 className={styles.muted}>{host.kind === "excel" ? (written ? w.wardFindingsExcel : w.wardFindingsBefore) : w.wardFindingsBrowser}</Caption1>
          <ul className={styles.list}>{wardFindings.map(wardItem)}</ul>
          {selectError ? <ErrorMessage title={w.selectFailed} error={selectError} /> : null}
        </div>
      ) : null}
      <LongSection
        title={s.sections.missing}
        items={missing}
        of={result}
        lines="units"
        line={(m) => {
          const like = m.like ? toFinding(m.like, lang) : undefined;
          return (
            <li
              key={m.code || m.unit}
              className={mergeClasses(styles.item, edge("warning"))}
              data-finding-code="UNIT_MISSING"
              data-severity="warning"
              data-unit-code={m.code}
            >
              <Text className={styles.line}>{w.missingLine(m.unit, m.forms.join(", "))}</Text>
              {like ? <Caption1 className={styles.muted}>{like.message}</Caption1> : null}
              <Caption1 className={styles.muted}>{like ? like.suggestion : w.missingHint(m.unit)}</Caption1>
            </li>
          );
        }}
      />
      <LongSection
        title={s.sections.duplicates}
        items={duplicates}
        of={result}
        lines="units"
        line={({ raw, i }) => <DuplicateItem key={i} raw={raw} result={result} checks={checks} onRemoveFile={onRemoveFile} />}
      />
      {SECTIONS.filter(({ code }) => code !== "UNIT_MISSING" && code !== "UNIT_DUPLICATE").map(({ code, key }) => (
        <LongSection
          key={key}
          title={s.sections[key]}
          items={findings.filter((f) => f.code === code && !isWardFigureFinding(f))}
          of={result}
          lines="findings"
          line={findingItem}
        />
      ))}
      {fileSections.map(({ key, status, items, text }) => (
        <LongSection
          key={key}
          title={s.sections[key]}
          items={items}
          of={result}
          lines="files"
          line={(f) => (
            <li key={f.file} className={mergeClasses(styles.item, edge("error"))} data-file-status={status}>
              <Text className={styles.line}>{text(f)}</Text>
            </li>
          )}
        />
      ))}
      {unitErrors + unitWarnings > 0 ? <Caption1 className={styles.muted}>{s.unitFindingsNote(unitErrors, unitWarnings)}</Caption1> : null}
    </section>
  );
}
