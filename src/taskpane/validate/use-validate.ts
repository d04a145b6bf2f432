import { useCallback, useMemo, useRef, useState } from "react";
import type { Host } from "../../adapters/host/types";
import { checkAgainstEarlier } from "../../core/cycle/previous-workbook";
import { importWithChoice, type ImportResult } from "../../core/import/import-workbook";
import type { UiStrings } from "../../core/messages/vi-ui";
import { parsePeriod } from "../../core/periods/period";
import { sparedUnassignedForms } from "../../core/validate/assigned-forms";
import type { RawFinding } from "../../core/validate/finding";
import type { ValidationResult } from "../../core/validate/validate-workbook";
import { toJobFile } from "../jobs/job-file";
import { withFindings } from "../jobs/with-findings";
import { usePreviousFile } from "../cycle/use-previous-file";
import { hostCell, type PreviewWindow } from "../jobs/preview";
import { AggregateFailure, type FileCheck } from "../jobs/protocol";
import type { ValidateRunner } from "../jobs/runner";
import { useRecentPeriods } from "../common/use-recent-periods";
import { useStoppableWork, wasStopped } from "../common/use-stoppable-work";
import { describeError, type ErrorView } from "../describe-error";
import { setupStoreOf } from "../setup/setup-store";
import type { UiLang } from "../strings";
import {
  cellsToMark,
  convertedFileName,
  describeFixes,
  findingKey,
  pastedSheets,
  readingResult,
  type ConvertChoice,
  type ConvertedNotice,
  type FixChange,
  type Report,
  type SeverityFilter,
  type Task,
  type ValidatePhase,
} from "./validate-model";

/** What converting read: the result of `cchc import`, and (in the browser) the pasted cells around its findings. */
interface ConvertRead {
  result: ImportResult;
  preview?: PreviewWindow[];
}

/** What the officer chose for a conversion; absent fields: what the sheet says. */
interface ConvertOptions {
  unit?: string;
  periodId?: string;
  /** the choice was shown: do not ask again */
  chosen?: boolean;
}

const abortError = () => new DOMException("The operation was aborted.", "AbortError");

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

/** A file's outcome from the worker as a report; `index` keeps two files of the same name apart. */
const toReport = (check: FileCheck, index: number): Report => ({
  id: `${index}:${check.file}`,
  file: check.file,
  index,
  ...(check.result ? { result: check.result, preview: check.preview } : { error: check.error, resave: check.resave }),
});

/** A failure already put into words (a file the worker could not open). */
class SaidError extends Error {}

/** What the officer is told when checking fails: the worker's own sentence, or advice (the raw failure goes to the console). */
function describeCheckError(error: unknown, t: UiStrings["validate"], task?: Task): ErrorView {
  if (error instanceof SaidError) return { text: error.message };
  if (task === "convert" && !(error instanceof AggregateFailure)) return describeError(error, t.convert.errors);
  if (error instanceof AggregateFailure) {
    if (error.code === "TOO_MANY_FILES") return { text: error.message };
    if (error.code === "WORKER_FAILED") return { text: t.errors.loadFailed };
  }
  return describeError(error, t.errors);
}

/**
 * The state behind the Kiểm tra view: checking the open workbook (Excel) or
 * the chosen files (browser: opened and validated by the runner, a Web Worker
 * in the pane), the severity filter, going to a cell, marking, the
 * confirm → fix → check again conversation, and Chuyển sang biểu mẫu chuẩn
 * of forms found pasted into a sheet (import → choose unit and period if the
 * sheet does not say them → write, asking before replacing BM sheets → check
 * again in Excel; download in the browser).
 */
export function useValidate(host: Host, runner: ValidateRunner, t: UiStrings["validate"], lang: UiLang, today?: Date) {
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
  const { periods } = useRecentPeriods(today);
  const [choice, setChoice] = useState<ConvertChoice | null>(null);
  const [replaceAsk, setReplaceAsk] = useState<string[] | null>(null);
  // The conversion waiting for "Thay thế", kept so that it writes exactly what was read.
  const pendingConvert = useRef<{ report: Report; read: ConvertRead } | null>(null);
  const readPrevious = useMemo(() => runner.readPrevious?.bind(runner), [runner]);
  const previous = usePreviousFile(readPrevious, lang);
  const { figures: previousFigures } = previous;

  const excel = host.kind === "excel" && typeof host.readOpenWorkbook === "function";

  /**
   * What a check keeps of a workbook's result: without the blank forms the
   * unit it records never had to fill, by its assignment in the ward's setup
   * (issue 16). A setup that cannot be read spares nothing.
   */
  const store = setupStoreOf(host, lang);
  const assignedOnly = useCallback(async () => {
    const setup = await store.ready().catch(() => undefined);
    return (result: ValidationResult) => sparedUnassignedForms(result, setup?.findUnit(result.metadata?.unit ?? "")?.forms);
  }, [store]);

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
        setPhase(wasStopped(error, controller.signal) ? { kind: "stopped" } : { kind: "error", task, error: describeCheckError(error, t, task) });
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
      const earlier = await previousFigures();
      const spare = await assignedOnly();
      throwIfAborted(signal);
      // Kỳ trước: its findings go with the workbook's own, at its cells.
      const checked = checkAgainstEarlier(snapshot, earlier ?? undefined);
      const result = spare(withFindings(checked.result, checked.compared));
      setReports([{ id: "open", result }]);
      setSelected(null);
      if (markAgain && host.markCells) await host.markCells(cellsToMark(result.findings));
      return result;
    },
    [host, previousFigures, assignedOnly],
  );

  /**
   * Checks the open workbook again after a change was written: the change
   * stands whatever the check says, so a failed check is an error to show,
   * returned, not thrown (a stop still throws).
   */
  const checkAfterWriting = useCallback(
    async (signal: AbortSignal): Promise<ValidatePhase | undefined> => {
      try {
        await checkOpenWorkbook(signal, marked);
        return undefined;
      } catch (error) {
        if (wasStopped(error, signal)) throw error;
        return { kind: "error", task: "check", error: describeError(error, t.errors) };
      }
    },
    [checkOpenWorkbook, marked, t],
  );

  const checkFiles = useCallback(
    async (chosen: readonly File[], signal: AbortSignal) => {
      if (chosen.length === 0) return;
      setPhase({ kind: "working", task: "check", file: chosen[0].name });
      // The files themselves: the worker reads each as it comes to it.
      const jobFiles = chosen.map(toJobFile);
      const earlier = await previousFigures();
      const spare = await assignedOnly();
      throwIfAborted(signal);
      const out: Report[] = [];
      const report = (check: FileCheck, index: number) => toReport(check.result ? { ...check, result: spare(check.result) } : check, index);
      const checks = await runner.validate(
        { files: jobFiles, lang, ...(earlier ? { previous: earlier } : {}) },
        {
          signal,
          onProgress: ({ done, total, check }) => {
            if (signal.aborted) return;
            // Each file's findings appear as soon as it is checked.
            out.push(report(check, done - 1));
            setReports([...out]);
            if (done < total) setPhase({ kind: "working", task: "check", file: chosen[done].name });
          },
        },
      );
      throwIfAborted(signal);
      setReports(checks.map(report));
      setSelected(null);
    },
    [lang, runner, previousFigures, assignedOnly],
  );

  /** Kiểm tra: the open workbook in Excel; in the browser, the files chosen last (none: nothing to do). */
  const check = useCallback(() => {
    setChoice(null);
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
      setChoice(null);
      void perform("check", (signal) => checkFiles(files.current, signal));
    },
    [perform, checkFiles],
  );

  /** Kỳ trước picked or removed: what was checked is checked again against it. */
  const { choose: choosePreviousFile } = previous;
  const choosePrevious = useCallback(
    (file: File | null) => {
      choosePreviousFile(file);
      if (reports.length > 0) check();
    },
    [choosePreviousFile, reports.length, check],
  );

  const select = useCallback(
    (report: Report, index: number) => {
      const finding = report.result?.findings[index];
      setSelected(findingKey(report, index));
      const at = finding ? hostCell(finding) : undefined;
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

  const askFix = useCallback(
    (subset: readonly RawFinding[]) => {
      const changes = describeFixes(subset, t, lang);
      if (changes.length > 0) setPendingFix(changes);
    },
    [t, lang],
  );

  const confirmFix = useCallback(() => {
    const changes = pendingFix;
    setPendingFix(null);
    if (!changes || !host.applyFixes) return;
    void perform("fix", async (signal): Promise<ValidatePhase> => {
      // All or nothing: if this throws, no cell was changed.
      await host.applyFixes!(changes.map((c) => c.fix));
      return (await checkAfterWriting(signal)) ?? { kind: "done", notice: { kind: "fixed", cells: changes.length } };
    });
  }, [pendingFix, host, perform, checkAfterWriting]);

  const c = t.convert;

  /** Reads the pasted forms as `cchc import` does: the open workbook as it is now (Excel), or the chosen file in the worker. */
  const importSource = useCallback(
    async (report: Report, options: ConvertOptions, signal: AbortSignal): Promise<ConvertRead> => {
      const createdAt = new Date().toISOString();
      const chosen = { ...(options.unit ? { unit: options.unit } : {}), ...(options.periodId ? { periodId: options.periodId } : {}) };
      if (excel) {
        const snapshot = await host.readOpenWorkbook!();
        throwIfAborted(signal);
        return { result: importWithChoice(snapshot, { createdAt, ...chosen }) };
      }
      const file = report.index !== undefined ? files.current[report.index] : undefined;
      if (!file) throw new SaidError(c.nothing);
      const outcome = await runner.importFile({ file: toJobFile(file), lang, createdAt, ...chosen }, { signal });
      if (!outcome.result) throw new SaidError(outcome.error ?? c.nothing);
      return { result: outcome.result, preview: outcome.preview };
    },
    [excel, host, lang, runner, c],
  );

  /** Writes the standard forms (Excel: into the open workbook, all or nothing; browser: a download), then checks again in Excel. */
  const writeConverted = useCallback(
    async (report: Report, read: ConvertRead, replaceExisting: boolean, signal: AbortSignal): Promise<ValidatePhase> => {
      const { result, preview } = read;
      const outcome = await host.writeTemplate(result.plan!, { replaceExisting, fileName: convertedFileName(report.file), signal });
      throwIfAborted(signal);
      if (outcome.status === "exists") {
        pendingConvert.current = { report, read };
        setReplaceAsk(outcome.existing);
        return { kind: "idle" };
      }
      pendingConvert.current = null;
      const source = pastedSheets(report.result).join(", ");
      const period = result.period ? parsePeriod(result.period.id) : undefined;
      const notice: ConvertedNotice = {
        kind: "converted",
        sheets: Object.keys(result.forms),
        source,
        unit: result.unit.name || c.noUnitName,
        period: period?.ok ? period.value.label[lang] : (result.period?.id ?? ""),
        ...(outcome.fileName ? { fileName: outcome.fileName } : {}),
        printSetupApplied: outcome.printSetupApplied,
      };
      const imported: Report = {
        id: `import:${report.id}`,
        kind: "import",
        title: c.reportTitle(source, report.file),
        result: readingResult(result),
        ...(preview ? { preview } : {}),
      };
      if (!excel) {
        // The file is unchanged: what reading it found goes right below its own report.
        setReports((current) => {
          const rest = current.filter((r) => r.id !== imported.id);
          rest.splice(rest.findIndex((r) => r.id === report.id) + 1, 0, imported);
          return rest;
        });
        return { kind: "done", notice };
      }
      const failed = await checkAfterWriting(signal);
      // After the check, which replaces the reports: how the pasted table was read stays below them.
      setReports((current) => [...current.filter((r) => r.kind !== "import"), imported]);
      return failed ?? { kind: "done", notice };
    },
    [host, excel, lang, c, checkAfterWriting],
  );

  /** Chuyển sang biểu mẫu chuẩn: import, ask for what the sheet does not say, then write. */
  const convertWith = useCallback(
    (report: Report, options: ConvertOptions) => {
      setChoice(null);
      void perform("convert", async (signal): Promise<ValidatePhase> => {
        const read = await importSource(report, options, signal);
        const { result } = read;
        throwIfAborted(signal);
        if (Object.keys(result.forms).length === 0) throw new SaidError(c.nothing);
        const missing = { period: !result.period, unit: result.unit.from === "none" };
        if (!result.plan || (!options.chosen && missing.unit)) {
          setChoice({
            reportId: report.id,
            unit: options.unit ?? (result.unit.from === "none" ? "" : result.unit.name),
            periodId: options.periodId ?? result.period?.id ?? "",
            missing,
            dates: result.dates,
          });
          return { kind: "idle" };
        }
        return await writeConverted(report, read, false, signal);
      });
    },
    [perform, importSource, writeConverted, c],
  );

  const convert = useCallback((report: Report) => convertWith(report, {}), [convertWith]);

  const confirmChoice = useCallback(() => {
    const report = choice && reports.find((r) => r.id === choice.reportId);
    if (!choice || !report || !choice.periodId) return;
    convertWith(report, { unit: choice.unit.trim() || undefined, periodId: choice.periodId, chosen: true });
  }, [choice, reports, convertWith]);

  const replaceConverted = useCallback(() => {
    const job = pendingConvert.current;
    setReplaceAsk(null);
    if (!job) return;
    void perform("convert", (signal) => writeConverted(job.report, job.read, true, signal));
  }, [perform, writeConverted]);

  const keepExisting = useCallback(() => {
    pendingConvert.current = null;
    setReplaceAsk(null);
  }, []);

  /** Whether a report's forms were found pasted into a sheet, and this host can convert them. */
  const canConvert = useCallback(
    (report: Report) => report.kind !== "import" && pastedSheets(report.result).length > 0 && (excel || report.index !== undefined),
    [excel],
  );

  return {
    excel,
    reports,
    phase,
    working: phase.kind === "working",
    filter,
    setFilter,
    selected,
    select,
    /** closes the sheet preview (file mode): no finding is the current one any more */
    closePreview: useCallback(() => setSelected(null), []),
    check,
    chooseFiles,
    fileCount,
    stop: stoppable.stop,
    canMark: excel && !!host.markCells && findings.some((f) => f.at),
    canClear: excel && !!host.clearMarks,
    mark,
    clearMarks,
    canFix: excel && !!host.applyFixes,
    fixable: findings.filter((f) => f.fix),
    pendingFix,
    askFix,
    confirmFix,
    cancelFix: useCallback(() => setPendingFix(null), []),
    canConvert,
    convert,
    periods,
    choice,
    setChoiceUnit: useCallback((unit: string) => setChoice((c0) => (c0 ? { ...c0, unit } : c0)), []),
    setChoicePeriod: useCallback((periodId: string) => setChoice((c0) => (c0 ? { ...c0, periodId } : c0)), []),
    confirmChoice,
    cancelChoice: useCallback(() => setChoice(null), []),
    replaceAsk,
    replaceConverted,
    keepExisting,
    previous: previous.available ? { state: previous.state, choose: choosePrevious } : undefined,
  };
}

/** Everything the Kiểm tra view and its parts read and call. */
export type ValidateState = ReturnType<typeof useValidate>;
