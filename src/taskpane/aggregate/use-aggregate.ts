import { startTransition, useCallback, useMemo, useRef, useState } from "react";
import type { Host, WriteTemplateOutcome } from "../../adapters/host/types";
import type { AggregationResult } from "../../core/aggregate/aggregate";
import { otherFileKind, vietnamDate } from "../../core/cycle/submissions";
import { wardPeriod as periodOfWard } from "../../core/cycle/ward-dates";
import { buildWardPlan } from "../../core/layout/ward-sheets";
import type { WorkbookPlan } from "../../core/layout/plan";
import { parsePeriod } from "../../core/periods/period";
import type { UiStrings } from "../../core/messages/vi-ui";
import type { UiLang } from "../strings";
import type { SetupStrings } from "../setup/setup-strings";
import type { WardSetupState, WardSetupStore } from "../setup/setup-store";
import { useRecentPeriods } from "../common/use-recent-periods";
import { checkDates, NO_DATES, type DatesDraft } from "../cycle/period-dates";
import { usePreviousFile } from "../cycle/use-previous-file";
import { useStoppableWork, wasStopped } from "../common/use-stoppable-work";
import { describeError, type ErrorView } from "../describe-error";
import { toJobFile } from "../jobs/job-file";
import { latestEvery } from "../common/latest-every";
import { AggregateFailure, abortError, type AggregateJob, type JobProgress } from "../jobs/protocol";
import type { AggregateRunner } from "../jobs/runner";

/** Where the Tổng hợp action stands. */
export type AggregatePhase =
  | { kind: "idle" }
  /** `drawing`: the result is in and the summary is being drawn */
  | { kind: "running"; progress: JobProgress | null; drawing?: boolean }
  | { kind: "summary" }
  | { kind: "writing" }
  | { kind: "confirm"; existing: string[] }
  | { kind: "done"; outcome: Extract<WriteTemplateOutcome, { status: "written" }> }
  | { kind: "stopped" }
  | { kind: "error"; title: string; error: ErrorView };

/** The file a browser download of the ward's report is saved as. */
export const wardFileName = (periodId: string): string => `tong-hop-${periodId}.xlsx`;

/**
 * How often the progress is redrawn. The worker reports every file: drawn
 * each time, 1,000 files kept the page's main thread busy 77 % of the run
 * (Chromium trace, scripts/bench-pane.js), so a click on Dừng waited its turn.
 */
export const PROGRESS_EVERY_MS = 100;

/** "Auto": the period most files record. */
export const AUTO_PERIOD = "auto";

/** Files the pane reads as workbooks: .xlsx (and .xls, so the officer hears why it cannot be read), never Excel's "~$" lock files. */
export function isCandidateFile(name: string): boolean {
  return /\.xlsx?$/i.test(name) && !isLockFile(name);
}

/** Excel's "~$" lock files: never a unit's report, never listed. */
const isLockFile = (name: string) => name.startsWith("~$");

const fileKey = (f: File) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

/** What the officer is told when a run fails: a sentence to act on (the raw failure goes to the console, not the pane). */
function describeRunError(error: unknown, t: UiStrings["aggregate"], words: SetupStrings["aggregate"]): ErrorView {
  const e = t.runErrors;
  const failure = error instanceof AggregateFailure ? error.code : undefined;
  // These two are sentences already (the job's own words), followed by what to do.
  if (failure === "REGISTRY_INVALID") return { text: `${(error as Error).message} ${words.setupInvalid}` };
  if (failure === "TOO_MANY_FILES") return { text: `${(error as Error).message} ${e.tooMany}` };
  const view = describeError(error, t.errors);
  // A worker that would not start, or a chunk that would not load, is the reader's here; anything else is the run's advice.
  if (failure === "WORKER_FAILED" || view.text === t.errors.loadFailed) return { text: e.loadFailed };
  if (view.text === t.errors.outOfMemory) return { text: e.outOfMemory };
  return { text: e.generic };
}

/** What Tổng hợp needs of the ward's setup: the one in force (for the ward's name), and its store (to wait for it). */
export type AggregateSetup = Pick<WardSetupState, "setup"> & { store: Pick<WardSetupStore, "ready"> };

/**
 * The state behind the Tổng hợp view: the files and options the officer
 * chose, the run in the runner (worker) with its progress, the summary, and
 * the write → ask → replace conversation with the host. The ward's units come
 * from the ward's setup (the store Tạo biểu mẫu shares); the ward's name is
 * the officer's, prefilled from that setup, and required.
 */
export function useAggregate(
  host: Host,
  runner: AggregateRunner,
  t: UiStrings["aggregate"],
  words: SetupStrings["aggregate"],
  setup: AggregateSetup,
  lang: UiLang,
  today?: Date,
) {
  const { periods } = useRecentPeriods(today);
  const [files, setFiles] = useState<File[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [periodChoice, setPeriodChoice] = useState<string>(AUTO_PERIOD);
  const [typedDates, setTypedDates] = useState<DatesDraft>(NO_DATES);
  const readPrevious = useMemo(() => runner.readPrevious?.bind(runner), [runner]);
  const previous = usePreviousFile(readPrevious, lang);
  const { choose: choosePreviousFile, figures: previousFigures } = previous;
  // null until the officer types: the setup's name is shown (and follows the setup when it is saved).
  const [typedWard, setTypedWard] = useState<string | null>(null);
  const [wardMissing, setWardMissing] = useState(false);
  const [result, setResult] = useState<AggregationResult | null>(null);
  const [phase, setPhase] = useState<AggregatePhase>({ kind: "idle" });
  const stoppable = useStoppableWork();
  const pending = useRef<{ plan: WorkbookPlan; fileName: string } | null>(null);

  const busy = phase.kind === "running" || phase.kind === "writing";

  /** Any change to the inputs makes the summary stale. */
  const invalidate = useCallback(() => {
    setResult(null);
    setPhase({ kind: "idle" });
  }, []);

  const addFiles = useCallback(
    (incoming: Iterable<File>) => {
      const list = [...incoming];
      // A Word file, a PDF, a photo a unit sent is taken too: listed against its unit, never skipped silently.
      const taken = list.filter((f) => !isLockFile(f.name));
      setSkipped(list.filter((f) => isLockFile(f.name)).map((f) => f.name));
      if (taken.length === 0) return;
      // Tổng hợp is likely next: its worker loads while the list is drawn and the officer looks it over.
      runner.warm?.();
      setFiles((current) => {
        const seen = new Set(current.map(fileKey));
        return [...current, ...taken.filter((f) => !seen.has(fileKey(f)) && seen.add(fileKey(f)))];
      });
      invalidate();
    },
    [invalidate, runner],
  );

  /** Bỏ tệp X: one file off the list (a unit's older file, as a duplicate's advice says); the summary is stale then, as for any change. */
  const removeFile = useCallback(
    (file: File) => {
      setFiles((current) => current.filter((f) => f !== file));
      invalidate();
    },
    [invalidate],
  );

  const clearFiles = useCallback(() => {
    setFiles([]);
    setSkipped([]);
    invalidate();
  }, [invalidate]);

  const choosePeriod = useCallback(
    (id: string) => {
      setPeriodChoice(id);
      setTypedDates(NO_DATES);
      invalidate();
    },
    [invalidate],
  );

  // The chosen period's dates: the setup's, else the standard ones (with Tự động, the files' period is known only after a run).
  const datesBase = useMemo(() => {
    if (periodChoice === AUTO_PERIOD || !setup.setup) return undefined;
    const p = periodOfWard(setup.setup, periodChoice);
    return p.ok ? p.value : undefined;
  }, [periodChoice, setup.setup]);
  const dates = useMemo(() => (datesBase ? checkDates(datesBase, typedDates) : undefined), [datesBase, typedDates]);
  const datesOk = !dates || Object.keys(dates.problems).length === 0;

  const changeDates = useCallback(
    (typed: DatesDraft) => {
      setTypedDates(typed);
      invalidate();
    },
    [invalidate],
  );

  const choosePrevious = useCallback(
    (file: File | null) => {
      choosePreviousFile(file);
      invalidate();
    },
    [choosePreviousFile, invalidate],
  );

  const ward = typedWard ?? setup.setup?.ward ?? "";

  // The ward's name only labels the report: changing it needs no new run.
  const changeWard = useCallback((name: string) => {
    setTypedWard(name);
    if (name.trim() !== "") setWardMissing(false);
  }, []);

  const run = useCallback(
    async (wardName: string) => {
      const controller = stoppable.start({ abortRunning: true });
      setResult(null);
      setPhase({ kind: "running", progress: null });
      try {
        // The setup in force once it was read (at once, mostly: the views read it when the pane opens).
        const { setup: units } = await setup.store.ready();
        // The files themselves: the worker reads each as it comes to it.
        const jobFiles = files.filter((f) => isCandidateFile(f.name)).map(toJobFile);
        const earlier = await previousFigures();
        const job: AggregateJob = {
          files: jobFiles,
          periodId: periodChoice === AUTO_PERIOD ? undefined : periodChoice,
          ward: wardName,
          ...(units ? { setup: { name: words.setupName, value: units } } : {}),
          lang,
          ...(dates ? { dates: dates.overrides } : {}),
          others: files
            .filter((f) => !isCandidateFile(f.name))
            .map((f) => ({ file: f.name, ...(f.lastModified ? { modified: f.lastModified } : {}), kind: otherFileKind(f.name) })),
          today: vietnamDate(today ? today.getTime() : Date.now()),
          ...(earlier ? { previous: earlier } : {}),
        };
        if (controller.signal.aborted) throw abortError();
        const shown = latestEvery<JobProgress>(PROGRESS_EVERY_MS, (progress) => {
          if (!controller.signal.aborted) setPhase({ kind: "running", progress });
        });
        const aggregated = await runner.run(job, { signal: controller.signal, onProgress: shown.push }).finally(shown.cancel);
        if (controller.signal.aborted) return;
        // Said at once, while the summary is drawn: a step of its own (100-150 ms for 1,000 files), not more adding up.
        setPhase((current) => (current.kind === "running" ? { ...current, drawing: true } : current));
        // Drawn as a transition: React yields to the browser while it renders the summary of a thousand files (a 100 ms task otherwise).
        startTransition(() => {
          setResult(aggregated);
          setPhase({ kind: "summary" });
        });
      } catch (error) {
        if (!stoppable.isCurrent(controller) && controller.signal.aborted) return;
        setPhase(
          wasStopped(error, controller.signal) ? { kind: "stopped" } : { kind: "error", title: t.runErrors.title, error: describeRunError(error, t, words) },
        );
      } finally {
        stoppable.finish(controller);
      }
    },
    [files, setup.store, periodChoice, lang, runner, t, words, stoppable, previousFigures, dates, today],
  );

  /** Tổng hợp: starts a run, unless the ward's name is missing (then said at the field, and false: the view moves the focus there). */
  const start = useCallback((): boolean => {
    if (files.length === 0 || busy || !datesOk) return true;
    const name = ward.trim();
    if (name === "") {
      setWardMissing(true);
      return false;
    }
    void run(name);
    return true;
  }, [files, busy, datesOk, ward, run]);

  const write = useCallback(
    async (replaceExisting: boolean) => {
      const job = pending.current;
      if (!job || !host.writeWard) return;
      const controller = stoppable.start();
      setPhase({ kind: "writing" });
      try {
        const outcome = await host.writeWard(job.plan, { replaceExisting, fileName: job.fileName, signal: controller.signal });
        // Once the host answers, the write is over: a late Dừng must not claim the workbook is unchanged.
        if (outcome.status === "exists") setPhase(controller.signal.aborted ? { kind: "stopped" } : { kind: "confirm", existing: outcome.existing });
        else setPhase({ kind: "done", outcome });
      } catch (error) {
        setPhase(wasStopped(error, controller.signal) ? { kind: "stopped" } : { kind: "error", title: t.errors.title, error: describeError(error, t.errors) });
      } finally {
        stoppable.finish(controller);
      }
    },
    [host, t, stoppable],
  );

  const wardPeriod = useMemo(() => {
    if (!result?.periodId) return undefined;
    const parsed = parsePeriod(result.periodId);
    return parsed.ok ? parsed.value : undefined;
  }, [result]);
  const usedCount = result ? result.files.filter((f) => f.status === "used").length : 0;
  // A file that is not a workbook and names no unit of the setup is on no line of the board: named here, never dropped silently.
  const unmatched = useMemo(() => {
    if (!result) return [];
    const listed = new Set(result.submissions.flatMap((u) => u.files.map((f) => f.file)));
    return files.filter((f) => !isCandidateFile(f.name) && !listed.has(f.name)).map((f) => f.name);
  }, [result, files]);
  // The name the run was given, or the one typed since (no new run needed).
  const wardName = ward.trim() || result?.ward || "";

  const save = useCallback(() => {
    if (!result || !wardPeriod || usedCount === 0) return;
    pending.current = { plan: buildWardPlan({ ...result, ward: wardName }, wardPeriod, new Date().toISOString()), fileName: wardFileName(wardPeriod.id) };
    void write(false);
  }, [result, wardPeriod, usedCount, wardName, write]);

  return {
    files,
    skipped,
    addFiles,
    removeFile,
    clearFiles,
    periods,
    periodChoice,
    choosePeriod,
    ward,
    changeWard,
    wardMissing,
    phase,
    busy,
    result,
    wardName,
    wardPeriod,
    usedCount,
    canRun: files.length > 0 && !busy && datesOk,
    unmatched,
    datesBase,
    typedDates,
    dates,
    changeDates,
    previous: previous.available ? { state: previous.state, choose: choosePrevious } : undefined,
    canSave: !!result && !!wardPeriod && usedCount > 0 && !busy && !!host.writeWard,
    run: start,
    save,
    replace: useCallback(() => void write(true), [write]),
    keep: useCallback(() => setPhase({ kind: "summary" }), []),
    stop: stoppable.stop,
  };
}
