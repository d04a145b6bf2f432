import { Button, mergeClasses } from "@fluentui/react-components";
import { useId, useMemo, useRef } from "react";
import { toFinding } from "../../core/messages/word";
import { severityClasses, useSeverityStyles } from "../common/severity-styles";
import { windowFor } from "../jobs/preview";
import { useStrings } from "../strings";
import { CellPreview } from "./CellPreview";
import type { ValidateState } from "./use-validate";
import { useFindingStyles } from "./ValidateView.styles";
import { findingKey, type Report } from "./validate-model";

/**
 * One finding: a button that takes the officer to its cell (Excel selects it;
 * the browser opens a preview of the sheet around it), and "Sửa" when the fix
 * is certain.
 */
export function FindingItem({ report, index, state }: { report: Report; index: number; state: ValidateState }) {
  const { t, lang } = useStrings();
  const styles = useFindingStyles();
  const raw = report.result!.findings[index];
  const severity = severityClasses(useSeverityStyles(), raw.severity);
  const s = t.validate;
  // Put into words here, where it is shown, in the pane's language.
  const finding = useMemo(() => toFinding(raw, lang), [raw, lang]);
  // A number typed as text reads the same as the number it should be: "Cần là: 1.234 · Đang là: 1.234" says nothing, so say which is text.
  const typedAsText = typeof raw.expected === "number" && typeof raw.actual === "string";
  const messageId = useId();
  const previewId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const current = state.selected === findingKey(report, index);
  // Outside Excel: the cells around this finding, when the file's preview holds them.
  const place = !state.excel && finding.at ? windowFor(report.preview, finding.at) : undefined;
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
        className={mergeClasses(styles.finding, severity.edge, current && styles.current)}
        data-finding-code={finding.code}
        data-cell={finding.cell ?? undefined}
        aria-current={current ? "true" : undefined}
        aria-expanded={place ? previewing : undefined}
        aria-controls={previewing ? previewId : undefined}
        onClick={() => state.select(report, index)}
      >
        <span className={styles.head}>
          <span className={mergeClasses(styles.severity, severity.badge)}>{s.severity[finding.severity]}</span>
          {finding.cell ? <span className={styles.cell}>{finding.cell}</span> : null}
          {finding.row ? <span className={styles.muted}>{s.rowLabel(finding.row)}</span> : null}
        </span>
        <span id={messageId}>{finding.message}</span>
        {finding.suggestion ? <span className={styles.muted}>{finding.suggestion}</span> : null}
        {finding.expected !== null || finding.actual !== null ? (
          <span className={styles.muted}>
            {finding.expected !== null ? (
              <>
                {s.expected}: <span className={styles.code}>{typedAsText ? s.asNumber(finding.expected) : finding.expected}</span>
              </>
            ) : null}
            {finding.expected !== null && finding.actual !== null ? " · " : null}
            {finding.actual !== null ? (
              <>
                {s.actual}: <span className={styles.code}>{finding.actual === "" ? s.empty : typedAsText ? s.asText(finding.actual) : finding.actual}</span>
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
        <Button size="small" className={styles.fix} disabled={state.working} aria-describedby={messageId} onClick={() => state.askFix([raw])}>
          {s.fix}
        </Button>
      ) : null}
    </li>
  );
}
