import { Button, Caption1, Text, makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { AggregationResult } from "../../core/aggregate/aggregate";
import { compareFigures } from "../../core/aggregate/compare-files";
import { toFinding } from "../../core/messages/word";
import type { Finding, RawFindingOf } from "../../core/validate/finding";
import { severityClasses, useSeverityStyles } from "../common/severity-styles";
import { useSetupStrings } from "../setup/setup-strings";
import { useStrings } from "../strings";
import { numberText, windowFor } from "../jobs/preview";
import { CellPreview } from "../validate/CellPreview";
import { fileTime } from "./file-time";
import type { FileChecks } from "./use-file-checks";
import { useSummaryStyles } from "./summary-styles";

const useStyles = makeStyles({
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
  fileFinding: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  dupFiles: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  dupHead: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  dupName: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
  },
});

/**
 * "Xem N vấn đề" under a unit's line: its findings, drawn when opened (a
 * thousand units' lists drawn up front made the summary's first frame slow).
 */
export function FileFindings({ findings, file, checks }: { findings: Finding[]; file: string; checks?: FileChecks }) {
  const styles = { ...useSummaryStyles(), ...useStyles() };
  const s = useStrings().t.aggregate;
  const w = useSetupStrings().aggregate;
  const [open, setOpen] = useState(false);
  return (
    <details className={styles.details} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className={styles.summaryToggle}>{s.fileFindings(findings.length)}</summary>
      {open ? (
        <>
          {checks && findings.some((x) => x.at) ? <Caption1 className={styles.muted}>{w.cellPreview.hint}</Caption1> : null}
          <ul className={styles.fileFindings}>
            {findings.map((x, j) => (
              <FileFindingItem key={j} finding={x} file={file} checks={checks} />
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

/**
 * One finding of a unit's file. With a cell, a button that opens the cells
 * around it, read again from the officer's file (the file is not the open
 * workbook, in Excel either, so nothing can be selected): as Kiểm tra's
 * preview, focused, closed by Đóng or Escape (the focus back on the button).
 */
function FileFindingItem({ finding: f, file, checks }: { finding: Finding; file: string; checks?: FileChecks }) {
  const styles = { ...useSummaryStyles(), ...useStyles() };
  const w = useSetupStrings().aggregate;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const text = `${f.cell ?? [f.form, f.row].filter(Boolean).join(" ")}${f.cell || f.form ? ": " : ""}${f.message}`;
  if (!f.at || !f.cell || !checks) {
    return (
      <li data-finding-code={f.code} data-severity={f.severity}>
        {text}
      </li>
    );
  }
  const state = checks.checks[file];
  const place = open && state?.status === "done" ? windowFor(state.check.preview, f.at) : undefined;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <li
      className={styles.fileFinding}
      data-finding-code={f.code}
      data-severity={f.severity}
      data-cell={f.cell}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={styles.goTo}
        aria-expanded={open}
        onClick={() => {
          if (open) return close();
          setOpen(true);
          checks.request([file]);
        }}
      >
        {text}
      </button>
      {!open ? null : place ? (
        <CellPreview window={place.window} address={place.address} cellRef={f.cell} onClose={close} />
      ) : (
        <Caption1 role="status" className={styles.muted}>
          {!state || state.status === "reading" ? w.cellPreview.opening : state.status === "failed" ? w.cellPreview.failed : w.cellPreview.noCells(f.cell)}
        </Caption1>
      )}
    </li>
  );
}

/** How many differing figures a duplicate's line names before "và n số liệu khác". */
const NAMED_DIFFERENCES = 3;

/**
 * A unit that sent two (or more) files: the finding, then each file with
 * when it was changed, which one is used (the newer), how each other one
 * differs from it (the first few figures, by form and STT, or the same
 * figures), and Bỏ to take a file off the list.
 */
export function DuplicateItem({
  raw,
  result,
  checks,
  onRemoveFile,
}: {
  raw: RawFindingOf<"UNIT_DUPLICATE">;
  result: AggregationResult;
  checks?: FileChecks;
  onRemoveFile?: (file: string) => void;
}) {
  const styles = { ...useSummaryStyles(), ...useStyles() };
  const severities = useSeverityStyles();
  const { lang } = useStrings();
  const w = useSetupStrings().aggregate;
  const d = w.duplicate;
  const finding = useMemo(() => toFinding(raw, lang), [raw, lang]);
  const { files, used } = raw.params;
  const request = checks?.request;
  // The unit's files are read again (their figures are not kept by the run) to say how they differ.
  useEffect(() => request?.(files), [request, files]);
  // A ratio to two decimals, as the forms show it (not the ten digits of a recomputed division).
  const figure = (v: number | null) => (v === null ? d.empty : numberText(Math.round(v * 100) / 100, undefined, lang));
  const difference = (file: string): string | undefined => {
    if (!checks) return undefined;
    const mine = checks.checks[file];
    const theirs = checks.checks[used];
    if (!mine || !theirs || mine.status === "reading" || theirs.status === "reading") return d.comparing;
    if (mine.status === "failed" || theirs.status === "failed") return d.failed;
    const diffs = compareFigures(mine.check.result!.figures, theirs.check.result!.figures);
    if (diffs.length === 0) return d.same;
    const named = diffs.slice(0, NAMED_DIFFERENCES).map((x) => d.figure(x.form, x.stt, figure(x.a), figure(x.b)));
    return d.differ(diffs.length, named.join("; "), diffs.length - named.length);
  };
  return (
    <li className={mergeClasses(styles.item, severityClasses(severities, "warning").edge)} data-finding-code={raw.code} data-severity={raw.severity}>
      <Text className={styles.line}>{finding.message}</Text>
      <Caption1 className={styles.muted}>{finding.suggestion}</Caption1>
      {onRemoveFile ? <Caption1 className={styles.muted}>{d.hint}</Caption1> : null}
      <ul className={styles.dupFiles}>
        {files.map((name) => {
          const when = fileTime(result.files.find((x) => x.file === name)?.modified, lang);
          const isUsed = name === used;
          const differs = isUsed ? undefined : difference(name);
          return (
            <li key={name} data-duplicate-file={name} data-used={isUsed ? "true" : "false"}>
              <div className={styles.dupHead}>
                <span className={styles.dupName}>
                  <Text weight="semibold">{name}</Text>
                  <Caption1 className={styles.muted}>{[isUsed ? d.used : d.older, when ? w.fileTime(when) : undefined].filter(Boolean).join(" · ")}</Caption1>
                </span>
                {onRemoveFile ? (
                  <Button size="small" appearance="subtle" aria-label={w.removeFileLabel(name)} onClick={() => onRemoveFile(name)}>
                    {w.removeFile}
                  </Button>
                ) : null}
              </div>
              {differs ? (
                <Caption1 className={styles.muted} data-difference="">
                  {differs}
                </Caption1>
              ) : null}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
