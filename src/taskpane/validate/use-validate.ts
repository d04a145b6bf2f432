import { useCallback, useRef, useState } from "react";
import type { Host, MarkedCell } from "../../adapters/host/types";
import type { UiStrings } from "../../core/messages/vi-ui";
import type { Finding, FixAction, Severity } from "../../core/validate/finding";
import { validateWorkbook, type ValidationResult } from "../../core/validate/validate-workbook";
import { toJobFile } from "../aggregate/job-file";
import { AggregateFailure, type FileCheck } from "../aggregate/protocol";
import type { ValidateRunner } from "../aggregate/runner";
import { useStoppableWork, wasStopped } from "../common/use-stoppable-work";
import { describeError, type ErrorView } from "../describe-error";
import type { UiLang } from "../strings";

/** The outcome of checking one workbook: the open one in Excel, or one file in the browser. */
export interface Report {
  id: string;
  /** the file's name in the browser; absent for the workbook open in Excel */
  file?: string;
  result?: ValidationResult;
  /** why the file could not be read, as a sentence */
  error?: string;
}

/** Long work the view shows a spinner for. */
export type Task = "check" | "select" | "mark" | "clear" | "fix";

/** Where Kiểm tra stands. */
export type ValidatePhase =
  | { kind: "idle" }
  | { kind: "working"; task: Task; file?: string }
  | { kind: "stopped" }
  | { kind: "error"; task: Task; error: ErrorView }
  | { kind: "done"; notice?: { kind: "marked"; cells: number } | { kind: "cleared" } | { kind: "fixed"; cells: number } };

/** One cell a fix changes, as the confirmation shows it. */
export interface FixChange {
  cell: string;
  before: string;
  after: string;
  fix: FixAction;
}

export type SeverityFilter = "all" | Severity;

/** "BM3!D12" or "'Biểu mẫu 3'!D12" → sheet and address. */
export function splitCellRef(ref: string): { sheet: string; address: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: `${m[3].toUpperCase()}${m[4]}` };
}

/** The stable key of a finding within its report, for selection and React. */
export const findingKey = (report: Report, index: number) => `${report.id}#${index}`;

/** Every cell with a finding, once, with its worst severity. */
export function cellsToMark(findings: readonly Finding[]): MarkedCell[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const byCell = new Map<string, MarkedCell>();
  for (const f of findings) {
    const at = f.cell ? splitCellRef(f.cell) : undefined;
    if (!at) continue;
    const had = byCell.get(f.cell!);
    if (!had || order[f.severity] < order[had.severity]) byCell.set(f.cell!, { ...at, severity: f.severity });
  }
  return [...byCell.values()];
}

/** What each certain fix changes, once per cell, in words for the confirmation. */
export function describeFixes(findings: readonly Finding[], t: UiStrings["validate"], lang: UiLang): FixChange[] {
  const numbers = new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN", { maximumFractionDigits: 10 });
  const seen = new Set<string>();
  const out: FixChange[] = [];
  for (const f of findings) {
    const fix = f.fix;
    if (!fix) continue;
    const cell = f.cell ?? `${fix.sheet}!${fix.address}`;
    if (seen.has(cell)) continue;
    seen.add(cell);
    const now = f.actual === null || f.actual === "" ? t.empty : f.actual;
    switch (fix.kind) {
      case "set-formula":
        out.push({ cell, before: now, after: `=${fix.formula}`, fix });
        break;
      case "set-number":
        out.push({ cell, before: f.actual ? t.asText(f.actual) : now, after: t.asNumber(numbers.format(fix.value)), fix });
        break;
      case "set-text":
        out.push({ cell, before: now, after: fix.text, fix });
        break;
    }
  }
  return out;
}

const abortError = () => new DOMException("The operation was aborted.", "AbortError");

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

/** A file's outcome from the worker as a report; `index` keeps two files of the same name apart. */
const toReport = (check: FileCheck, index: number): Report => ({ id: `${index}:${check.file}`, file: check.file, ...(check.result ? { result: check.result } : { error: check.error }) });

/** What the officer is told when checking fails: the worker's own sentence, or advice with the detail. */
function describeCheckError(error: unknown, t: UiStrings["validate"]): ErrorView {
  if (error instanceof AggregateFailure) {
    if (error.code === "TOO_MANY_FILES") return { text: error.message };
    if (error.code === "WORKER_FAILED") return { text: t.errors.loadFailed, detail: t.errors.detail(error.message) };
  }
  return describeError(error, t.errors);
}

/**
 * The state behind the Kiểm tra view: checking the open workbook (Excel) or
 * the chosen files (browser: opened and validated by the runner, a Web Worker
 * in the pane), the severity filter, going to a cell, marking, and the
 * confirm → fix → check again conversation.
 */
export function useValidate(host: Host, runner: ValidateRunner, t: UiStrings["validate"], lang: UiLang) {
  const [reports, setReports] = useState<Report[]>([]);
  const [phase, setPhase] = useState<ValidatePhase>({ kind: "idle" });
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const [selected, setSelected] = useState<string | null>(null);
  const [pendingFix, setPendingFix] = useState<FixChange[] | null>(null);
  const [marked, setMarked] = useState(false);
  const files = useRef<File[]>([]);
  const [fileCount, setFileCount] = useState(0);
  const stoppable = useStoppableWork();
  const run = useRef(0);

  const excel = host.kind === "excel" && typeof host.readOpenWorkbook === "function";

  /** Runs one task with a spinner, a Dừng that drops its result, and a Vietnamese error. */
  const perform = useCallback(
    async (task: Task, work: (signal: AbortSignal) => Promise<ValidatePhase | void>) => {
      const controller = stoppable.start({ abortRunning: true });
      const mine = ++run.current;
      setPhase({ kind: "working", task });
      try {
        const next = await work(controller.signal);
        if (controller.signal.aborted) throw abortError();
        if (run.current === mine) setPhase(next ?? { kind: "done" });
      } catch (error) {
        if (run.current !== mine) return;
        setPhase(wasStopped(error, controller.signal) ? { kind: "stopped" } : { kind: "error", task, error: describeCheckError(error, t) });
      } finally {
        stoppable.finish(controller);
      }
    },
    [t, stoppable],
  );

  /** Reads and validates the open workbook, and keeps the marks in step when they are on. */
  const checkOpenWorkbook = useCallback(
    async (signal: AbortSignal, markAgain: boolean) => {
      const snapshot = await host.readOpenWorkbook!();
      throwIfAborted(signal);
      const result = validateWorkbook(snapshot, { lang });
      setReports([{ id: "open", result }]);
      setSelected(null);
      if (markAgain && host.markCells) await host.markCells(cellsToMark(result.findings));
      return result;
    },
    [host, lang],
  );

  const checkFiles = useCallback(
    async (chosen: readonly File[], signal: AbortSignal) => {
      if (chosen.length === 0) return;
      setPhase({ kind: "working", task: "check", file: chosen[0].name });
      // Read here (the browser's own I/O), read again on each run: the bytes are handed over to the worker.
      const jobFiles = await Promise.all(chosen.map(toJobFile));
      throwIfAborted(signal);
      const out: Report[] = [];
      const checks = await runner.validate(
        { files: jobFiles, lang },
        {
          signal,
          onProgress: ({ done, total, check }) => {
            if (signal.aborted) return;
            // Each file's findings appear as soon as it is checked.
            out.push(toReport(check, done - 1));
            setReports([...out]);
            if (done < total) setPhase({ kind: "working", task: "check", file: chosen[done].name });
          },
        },
      );
      throwIfAborted(signal);
      setReports(checks.map(toReport));
      setSelected(null);
    },
    [lang, runner],
  );

  /** Kiểm tra: the open workbook in Excel; in the browser, the files chosen last (none: nothing to do). */
  const check = useCallback(() => {
    if (excel) void perform("check", (signal) => checkOpenWorkbook(signal, marked).then(() => undefined));
    else if (files.current.length > 0) void perform("check", (signal) => checkFiles(files.current, signal));
  }, [excel, perform, checkOpenWorkbook, checkFiles, marked]);

  /** Files picked or dropped in the browser: each is checked at once. */
  const chooseFiles = useCallback(
    (chosen: readonly File[]) => {
      if (chosen.length === 0) return;
      files.current = [...chosen];
      setFileCount(chosen.length);
      setReports([]);
      void perform("check", (signal) => checkFiles(files.current, signal));
    },
    [perform, checkFiles],
  );

  const select = useCallback(
    (report: Report, index: number) => {
      const finding = report.result?.findings[index];
      setSelected(findingKey(report, index));
      const at = finding?.cell ? splitCellRef(finding.cell) : undefined;
      if (!at || !host.selectCell || !excel) return;
      // Quick, and the officer expects to land on the cell: no spinner, but a failure is said.
      host.selectCell(at.sheet, at.address).catch((error: unknown) => setPhase({ kind: "error", task: "select", error: describeError(error, t.errors) }));
    },
    [host, excel, t],
  );

  const findings = reports[0]?.result?.findings ?? [];

  const mark = useCallback(() => {
    if (!host.markCells) return;
    const cells = cellsToMark(findings);
    void perform("mark", async () => {
      await host.markCells!(cells);
      setMarked(true);
      return { kind: "done", notice: { kind: "marked", cells: cells.length } };
    });
  }, [host, findings, perform]);

  const clearMarks = useCallback(() => {
    if (!host.clearMarks) return;
    void perform("clear", async () => {
      await host.clearMarks!();
      setMarked(false);
      return { kind: "done", notice: { kind: "cleared" } };
    });
  }, [host, perform]);

  const askFix = useCallback((subset: readonly Finding[]) => {
    const changes = describeFixes(subset, t, lang);
    if (changes.length > 0) setPendingFix(changes);
  }, [t, lang]);

  const confirmFix = useCallback(() => {
    const changes = pendingFix;
    setPendingFix(null);
    if (!changes || !host.applyFixes) return;
    void perform("fix", async (signal): Promise<ValidatePhase> => {
      // All or nothing: if this throws, no cell was changed.
      await host.applyFixes!(changes.map((c) => c.fix));
      try {
        await checkOpenWorkbook(signal, marked);
      } catch (error) {
        if (wasStopped(error, signal)) throw error;
        return { kind: "error", task: "check", error: describeError(error, t.errors) };
      }
      return { kind: "done", notice: { kind: "fixed", cells: changes.length } };
    });
  }, [pendingFix, host, perform, checkOpenWorkbook, marked, t]);

  return {
    excel,
    reports,
    phase,
    working: phase.kind === "working",
    filter,
    setFilter,
    selected,
    select,
    check,
    chooseFiles,
    fileCount,
    stop: stoppable.stop,
    canMark: excel && !!host.markCells && findings.some((f) => f.cell),
    canClear: excel && !!host.clearMarks,
    mark,
    clearMarks,
    canFix: excel && !!host.applyFixes,
    fixable: findings.filter((f) => f.fix),
    pendingFix,
    askFix,
    confirmFix,
    cancelFix: useCallback(() => setPendingFix(null), []),
  };
}
