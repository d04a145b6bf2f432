import { Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { AggregationResult, FileUse } from "../../core/aggregate/aggregate";
import { parsePeriod } from "../../core/periods/period";
import type { Finding, FindingCode, Severity } from "../../core/validate/finding";
import { useStrings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    wordBreak: "break-word",
  },
  sectionTitle: {
    ...typographyStyles.body1Strong,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke2}`,
    wordBreak: "break-word",
    minWidth: 0,
  },
  error: {
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  warning: {
    borderLeftColor: tokens.colorPaletteDarkOrangeBorder2,
  },
  info: {
    borderLeftColor: tokens.colorNeutralStroke1,
  },
  line: {
    display: "block",
  },
  muted: {
    display: "block",
    color: tokens.colorNeutralForeground2,
  },
  counts: {
    display: "block",
    color: tokens.colorNeutralForeground2,
  },
  countsBad: {
    color: tokens.colorPaletteRedForeground1,
  },
  details: {
    marginTop: tokens.spacingVerticalXXS,
    ...typographyStyles.caption1,
  },
  summaryToggle: {
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
  },
  fileFindings: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
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

/** "BM3 1.1: …", "tệp.xlsx: …": where a finding is, before what it says. */
function where(f: Finding): string {
  if (f.code === "PERIOD_MISMATCH" || f.code === "UNKNOWN_UNIT") return f.file ? `${f.file}: ` : "";
  if (f.code === "VALUES_CONFLICT") return f.form ? `${f.form}${f.row ? ` ${f.row}` : ""}: ` : "";
  return "";
}

/** What the officer reads before writing: who sent what, and everything that does not fit. */
export function AggregateSummary({ result, ward }: { result: AggregationResult; ward: string }) {
  const styles = useStyles();
  const headingId = useId();
  const { lang, t } = useStrings();
  const s = t.aggregate;
  const periodLabel = (id: string | undefined) => {
    if (!id) return s.noPeriod;
    const p = parsePeriod(id);
    return p.ok ? p.value.label[lang] : id;
  };
  const severityClass: Record<Severity, string> = { error: styles.error, warning: styles.warning, info: styles.info };
  const used = result.files.filter((f) => f.status === "used");
  const formless = result.files.filter((f) => f.status === "no-forms");
  const unreadable = result.files.filter((f) => f.status === "unreadable");
  const fileFindings = (file: string) => result.findings.filter((f) => f.file === file && !WARD_CODES.has(f.code));
  const unitErrors = used.reduce((n, f) => n + f.errors, 0);
  const unitWarnings = used.reduce((n, f) => n + f.warnings, 0);

  const section = (key: string, title: string, items: ReactNode[]) =>
    items.length === 0 ? null : (
      <div key={key}>
        <h3 className={styles.sectionTitle}>{`${title} (${items.length})`}</h3>
        <ul className={styles.list}>{items}</ul>
      </div>
    );

  const findingItem = (f: Finding, i: number) => (
    <li key={`${f.code}-${i}`} className={mergeClasses(styles.item, severityClass[f.severity])} data-finding-code={f.code} data-severity={f.severity}>
      <Text className={styles.line}>{`${where(f)}${f.message}`}</Text>
      <Caption1 className={styles.muted}>{f.suggestion}</Caption1>
    </li>
  );

  const usedItem = (f: FileUse) => {
    const own = fileFindings(f.file);
    return (
      <li key={f.file} className={mergeClasses(styles.item, f.errors > 0 ? styles.error : f.warnings > 0 ? styles.warning : undefined)} data-file-status="used">
        <Text weight="semibold" className={styles.line}>
          {f.unitName || "?"}
        </Text>
        <Caption1 className={styles.muted}>{s.usedDetail(f.file, periodLabel(f.periodId))}</Caption1>
        <Caption1 className={mergeClasses(styles.counts, f.errors > 0 && styles.countsBad)}>{s.counts(f.errors, f.warnings)}</Caption1>
        {own.length > 0 ? (
          <details className={styles.details}>
            <summary className={styles.summaryToggle}>{s.fileFindings(own.length)}</summary>
            <ul className={styles.fileFindings}>
              {own.map((x, i) => (
                <li key={i} data-finding-code={x.code} data-severity={x.severity}>
                  {`${x.cell ?? [x.form, x.row].filter(Boolean).join(" ")}${x.cell || x.form ? ": " : ""}${x.message}`}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </li>
    );
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {s.summaryTitle(ward, periodLabel(result.periodId))}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.summaryCounts(used.length, result.files.length)}</Caption1>

      {section("used", s.sections.used, used.map(usedItem))}
      {SECTIONS.map(({ code, key }) =>
        section(
          key,
          s.sections[key],
          result.findings.filter((f) => f.code === code).map(findingItem),
        ),
      )}
      {section(
        "noForms",
        s.sections.noForms,
        formless.map((f) => (
          <li key={f.file} className={mergeClasses(styles.item, styles.error)} data-file-status="no-forms">
            <Text className={styles.line}>{`${f.file}: ${f.detail ?? ""}`}</Text>
          </li>
        )),
      )}
      {section(
        "unreadable",
        s.sections.unreadable,
        unreadable.map((f) => (
          <li key={f.file} className={mergeClasses(styles.item, styles.error)} data-file-status="unreadable">
            <Text className={styles.line}>{f.detail ?? f.file}</Text>
          </li>
        )),
      )}
      {unitErrors + unitWarnings > 0 ? <Caption1 className={styles.muted}>{s.unitFindingsNote(unitErrors, unitWarnings)}</Caption1> : null}
    </section>
  );
}
