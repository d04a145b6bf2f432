import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { useSetupStrings } from "../setup/setup-strings";

/**
 * Lines a list of units draws at first. A 1,000-file Tổng hợp drew a line per
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

/** "Hiện thêm 900 đơn vị" under a long list cut short; nothing when all are shown. */
export function ShowAll({ rest, onClick }: { rest: number; onClick: () => void }) {
  const w = useSetupStrings().aggregate;
  return rest > 0 ? (
    <Button appearance="secondary" size="small" onClick={onClick}>
      {w.showMoreUnits(rest)}
    </Button>
  ) : null;
}
