import { useCallback, useMemo, useState } from "react";
import type { Host } from "../../adapters/host/types";
import { download } from "../../adapters/browser/browser-host";
import type { AggregationResult } from "../../core/aggregate/aggregate";
import { feedbackForUnits, type UnitFeedback } from "../../core/cycle/feedback";
import type { UiStrings } from "../../core/messages/vi-ui";
import { useStoppableWork, wasStopped } from "../common/use-stoppable-work";
import type { CycleStrings } from "../cycle/cycle-strings";
import { describeError, type ErrorView } from "../describe-error";
import type { UiLang } from "../strings";
import { feedbackFiles, feedbackPlan, feedbackZip, feedbackZipName } from "./feedback-files";

/** Where a Phiếu kiểm tra action stands. */
export type FeedbackPhase =
  | { kind: "idle" }
  | { kind: "working"; task: "download" | "write" }
  | { kind: "confirm"; existing: string[] }
  | { kind: "done"; text: string }
  | { kind: "stopped" }
  | { kind: "error"; error: ErrorView };

const ZIP_MIME = "application/zip";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Phiếu kiểm tra after a Tổng hợp: one entry per unit with findings, each
 * downloaded as its own .xlsx or all as one .zip; in Excel, all written as
 * sheets of the open workbook (all or nothing, asked before replacing).
 */
export function useFeedback(host: Host, result: AggregationResult, lang: UiLang, c: CycleStrings["feedback"], errors: UiStrings["errors"]) {
  const feedback = useMemo(() => feedbackForUnits(result), [result]);
  const [phase, setPhase] = useState<FeedbackPhase>({ kind: "idle" });
  const stoppable = useStoppableWork();

  const perform = useCallback(
    async (task: "download" | "write", work: (signal: AbortSignal) => Promise<FeedbackPhase>) => {
      const controller = stoppable.start({ abortRunning: true });
      setPhase({ kind: "working", task });
      try {
        const next = await work(controller.signal);
        setPhase(controller.signal.aborted ? { kind: "stopped" } : next);
      } catch (error) {
        setPhase(wasStopped(error, controller.signal) ? { kind: "stopped" } : { kind: "error", error: describeError(error, errors) });
      } finally {
        stoppable.finish(controller);
      }
    },
    [stoppable, errors],
  );

  const options = useCallback(() => ({ createdAt: new Date().toISOString(), lang }), [lang]);

  /** One unit's form, or (none given) all of them in a .zip. */
  const downloadForms = useCallback(
    (one?: UnitFeedback) =>
      void perform("download", async (signal) => {
        const files = await feedbackFiles(one ? [one] : feedback, options());
        signal.throwIfAborted();
        const file = one ? { name: files[0].name, blob: new Blob([files[0].bytes.slice()], { type: XLSX_MIME }) } : undefined;
        const name = file?.name ?? feedbackZipName(result.periodId);
        download(file?.blob ?? new Blob([(await feedbackZip(files)).slice()], { type: ZIP_MIME }), name);
        return { kind: "done", text: c.downloaded(name) };
      }),
    [perform, feedback, options, result.periodId, c],
  );

  const write = useCallback(
    (replaceExisting: boolean) =>
      void perform("write", async (signal) => {
        const plan = await feedbackPlan(feedback, options());
        signal.throwIfAborted();
        const outcome = await host.writeTemplate(plan, { replaceExisting, fileName: feedbackZipName(result.periodId), signal });
        if (outcome.status === "exists") return { kind: "confirm", existing: outcome.existing };
        return { kind: "done", text: c.written(plan.sheets.length) };
      }),
    [perform, feedback, options, host, result.periodId, c],
  );

  return {
    feedback,
    phase,
    working: phase.kind === "working",
    downloadForms,
    canWrite: host.kind === "excel",
    write: useCallback(() => write(false), [write]),
    replace: useCallback(() => write(true), [write]),
    keep: useCallback(() => setPhase({ kind: "idle" }), []),
    stop: stoppable.stop,
  };
}
