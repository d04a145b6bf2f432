import { Button } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { useSetupStrings } from "../setup/setup-strings";
import { useSummaryStyles } from "./summary-styles";

/**
 * Lines a long list draws at first. A 1,000-file Tổng hợp drew a line per
 * unit in the summary and in Phiếu kiểm tra, and the page then stood still for
 * 1.3 s (scripts/bench-pane.js); a ward's own dozen units are all shown.
 */
export const FIRST_LINES = 100;

/** The items a long list shows now: the first FIRST_LINES until the officer asks for all; asked again for each new `of` (a new result). */
export function useLongList<T>(items: readonly T[], of: unknown): { shown: readonly T[]; rest: number; showAll: () => void } {
  const [all, setAll] = useState<unknown>(null);
  const everything = all === of || items.length <= FIRST_LINES;
  return {
    shown: everything ? items : items.slice(0, FIRST_LINES),
    rest: everything ? 0 : items.length - FIRST_LINES,
    showAll: () => setAll(of),
  };
}

/** What a list's lines are, for its "Hiện thêm …" button. */
export type LinesOf = "units" | "findings" | "files";

/** "Hiện thêm 900 đơn vị" under a long list cut short; nothing when all are shown. */
export function ShowAll({ rest, onClick, of = "units" }: { rest: number; onClick: () => void; of?: LinesOf }) {
  const w = useSetupStrings().aggregate;
  const label = { units: w.showMoreUnits, findings: w.showMoreFindings, files: w.showMoreFiles }[of];
  return rest > 0 ? (
    <Button appearance="secondary" size="small" onClick={onClick}>
      {label(rest)}
    </Button>
  ) : null;
}

/**
 * A section of the summary: its title with the whole count, then its first
 * FIRST_LINES lines and a button for the rest (a thousand files of units not
 * in the ward's list made a thousand lines here); nothing when it is empty.
 */
export function LongSection<T>({
  title,
  items,
  line,
  of,
  lines,
}: {
  title: string;
  items: readonly T[];
  line: (item: T, index: number) => ReactNode;
  /** the result the list is of: a new one shows the first lines again */
  of: unknown;
  lines: LinesOf;
}) {
  const styles = useSummaryStyles();
  const long = useLongList(items, of);
  return items.length === 0 ? null : (
    <div>
      <h3 className={styles.sectionTitle}>{`${title} (${items.length})`}</h3>
      <ul className={styles.list}>{long.shown.map(line)}</ul>
      <ShowAll rest={long.rest} onClick={long.showAll} of={lines} />
    </div>
  );
}
