import { Button, Caption1, makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { useId, useLayoutEffect, useRef, type KeyboardEvent } from "react";
import { cellAddress, columnLetter, parseAddress } from "../../core/layout/address";
import { useStrings } from "../strings";
import type { PreviewWindow } from "../jobs/preview";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
    margin: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: {
    ...typographyStyles.caption1Strong,
    margin: 0,
    minWidth: 0,
    wordBreak: "break-word",
  },
  viewport: {
    // The sheet scrolls inside its own box, both ways; the pane never gets wider than its window
    // (relative: the box also holds, and clips, the visually hidden text of the highlighted cell).
    position: "relative",
    overflow: "auto",
    maxHeight: "18rem",
    maxWidth: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  grid: {
    borderCollapse: "separate",
    borderSpacing: 0,
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground1,
  },
  cell: {
    height: "22px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "middle",
    textAlign: "left",
    minWidth: "2.5em",
  },
  text: {
    display: "block",
    maxWidth: "14em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  wrap: {
    // A merged title spreads over its columns and wraps there, rather than widening them.
    maxWidth: "none",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
  },
  number: { textAlign: "right" },
  formula: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  error: { color: tokens.colorPaletteRedForeground1 },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "right",
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  frozen: {
    // STT and the indicator stay beside the value in a narrow pane, as Excel's frozen panes keep them.
    position: "sticky",
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  frozenHead: {
    zIndex: 3,
  },
  frozenText: {
    maxWidth: "6em",
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  headActive: {
    // The target's row and column headers, as Excel shows them: bold and underlined, not only coloured.
    fontWeight: tokens.fontWeightBold,
    textDecorationLine: "underline",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3Selected,
  },
  target: {
    // Colour, and a thick dark frame and bold text for whoever cannot tell the colour.
    backgroundColor: tokens.colorPaletteYellowBackground2,
    fontWeight: tokens.fontWeightBold,
    outline: `3px solid ${tokens.colorNeutralForeground1}`,
    outlineOffset: "-3px",
    ":focus": { outline: `3px solid ${tokens.colorNeutralForeground1}` },
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  muted: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
  },
});

/** Where merged ranges put their text (the anchor, with its spans), and the anchor of each cell they cover. */
function spans(merges: readonly string[]): { anchors: Map<string, { rows: number; cols: number }>; covered: Map<string, string> } {
  const anchors = new Map<string, { rows: number; cols: number }>();
  const covered = new Map<string, string>();
  for (const range of merges) {
    const [a, b] = range.split(":");
    const from = parseAddress(a);
    const to = parseAddress(b ?? a);
    if (!from || !to) continue;
    anchors.set(a, { rows: to.row - from.row + 1, cols: to.col - from.col + 1 });
    for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) covered.set(cellAddress(r, c), a);
  }
  return { anchors, covered };
}

export interface CellPreviewProps {
  window: PreviewWindow;
  /** the finding's cell, inside the window */
  address: string;
  /** the finding as "BM7!D17", for the hint on getting there in Excel */
  cellRef: string;
  /** closes the preview; the caller puts the focus back on the finding */
  onClose: () => void;
}

/**
 * A read-only look at the finding's sheet in the browser: row numbers and
 * column letters like a spreadsheet, the cells' shown values (React text,
 * never markup), the finding's cell highlighted, scrolled into the middle of
 * the box and given the focus, so a keyboard user lands on it. Escape or
 * Đóng closes it.
 */
export function CellPreview({ window: w, address, cellRef, onClose }: CellPreviewProps) {
  const { t } = useStrings();
  const s = t.validate;
  const styles = useStyles();
  const viewport = useRef<HTMLDivElement>(null);
  const target = useRef<HTMLTableCellElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const at = parseAddress(address)!;
  const { anchors, covered } = spans(w.merges);
  // A cell inside a merged range is shown (and highlighted) as the range.
  const shownAt = covered.get(address) ?? address;
  const columns: number[] = [];
  for (let c = w.left; c <= w.right; c++) columns.push(c);
  // The form's first two columns (STT, Chỉ tiêu) when the window starts at them and the cell is to their right.
  const frozen = w.left === 1 ? columns.slice(0, 2).filter((c) => c < at.col) : [];
  const freezeAt = (c: number) => frozen.indexOf(c);
  const table = useRef<HTMLTableElement>(null);
  const rows: number[] = [];
  for (let r = w.top; r <= w.bottom; r++) rows.push(r);

  useLayoutEffect(() => {
    const box = viewport.current;
    const cell = target.current;
    if (!box || !cell) return;
    // Clear of the sticky column letters and row numbers: the row in the middle of the box (its
    // neighbours above and below in sight); sideways only as far as needed, so that the first columns
    // (STT, the indicator) stay in sight whenever the cell fits beside them.
    const b = box.getBoundingClientRect();
    const head = box.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    // The frozen columns sit after the row numbers: each one's offset is the widths before it.
    let side = box.querySelector("tbody th")?.getBoundingClientRect().width ?? 0;
    box.querySelectorAll<HTMLElement>("thead [data-frozen]").forEach((th, i) => {
      table.current?.style.setProperty(`--cchc-freeze-${i}`, `${side}px`);
      side += th.getBoundingClientRect().width;
    });
    const c = cell.getBoundingClientRect();
    box.scrollTop += c.top - b.top - head - Math.max(0, (box.clientHeight - head - c.height) / 2);
    const left = c.left - b.left - side;
    const right = c.right - b.left - box.clientWidth;
    // Whole pixels, rounded away from the cell: scrollLeft is whole, a cell's edges often are not.
    if (left < 0 || c.width > box.clientWidth - side) box.scrollLeft += Math.floor(left);
    else if (right > 0) box.scrollLeft += Math.ceil(right);
    cell.focus({ preventScroll: true });
    // The page scrolls only as far as needed to show the whole preview.
    root.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [w, address]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <div ref={root} className={styles.root} role="region" aria-label={s.preview.label(w.sheet, address)} data-preview-sheet={w.sheet} onKeyDown={onKeyDown}>
      <div className={styles.head}>
        <span id={titleId} className={styles.title}>
          {s.preview.title(w.sheet, address)}
        </span>
        <Button size="small" appearance="subtle" aria-label={s.preview.closeLabel} onClick={onClose}>
          {s.preview.close}
        </Button>
      </div>
      {/* Focusable: a keyboard scrolls the sheet with the arrow keys (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div ref={viewport} className={styles.viewport} tabIndex={0} role="group" aria-label={s.preview.grid(w.sheet)} data-preview-viewport="">
        <table ref={table} className={styles.grid} aria-labelledby={titleId}>
          <thead>
            <tr>
              <td className={mergeClasses(styles.cell, styles.corner)} />
              {columns.map((c) => (
                <th
                  key={c}
                  scope="col"
                  className={mergeClasses(
                    styles.cell,
                    styles.colHead,
                    c === at.col && styles.headActive,
                    freezeAt(c) >= 0 && styles.frozen,
                    freezeAt(c) >= 0 && styles.frozenHead,
                  )}
                  style={freezeAt(c) >= 0 ? { left: `var(--cchc-freeze-${freezeAt(c)}, 0px)` } : undefined}
                  data-frozen={freezeAt(c) >= 0 ? "" : undefined}
                  data-active={c === at.col ? "" : undefined}
                >
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row" className={mergeClasses(styles.cell, styles.rowHead, r === at.row && styles.headActive)}>
                  {r}
                </th>
                {columns.map((c) => {
                  const a = cellAddress(r, c);
                  if (covered.has(a)) return null;
                  const cell = w.cells[a];
                  const span = anchors.get(a);
                  const isTarget = a === shownAt;
                  // A merged title over the frozen columns scrolls with the sheet.
                  const freeze = !span || span.cols === 1 ? freezeAt(c) : -1;
                  return (
                    <td
                      key={c}
                      ref={isTarget ? target : undefined}
                      tabIndex={isTarget ? -1 : undefined}
                      rowSpan={span && span.rows > 1 ? span.rows : undefined}
                      colSpan={span && span.cols > 1 ? span.cols : undefined}
                      className={mergeClasses(
                        styles.cell,
                        cell?.kind === "number" && styles.number,
                        cell?.kind === "formula" && styles.formula,
                        cell?.kind === "error" && styles.error,
                        isTarget && styles.target,
                        freeze >= 0 && styles.frozen,
                      )}
                      style={freeze >= 0 ? { left: `var(--cchc-freeze-${freeze}, 0px)` } : undefined}
                      data-preview-target={isTarget ? address : undefined}
                    >
                      {cell ? (
                        // A formula without its result (a file saved by this product or LibreOffice before Excel
                        // computed it) says so; its text is for the cell at issue, and in the tooltip.
                        <span
                          className={mergeClasses(styles.text, span && styles.wrap, freeze === 1 && styles.frozenText)}
                          title={cell.kind === "formula" || cell.text.length > 20 ? cell.text : undefined}
                        >
                          {cell.kind === "formula" && !isTarget ? s.preview.formula : cell.text}
                        </span>
                      ) : null}
                      {isTarget ? <span className={styles.hidden}>{` (${s.preview.target})`}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {w.more ? <Caption1 className={styles.muted}>{s.preview.more}</Caption1> : null}
      <Caption1 className={styles.muted}>{s.cellHowTo(cellRef)}</Caption1>
    </div>
  );
}
