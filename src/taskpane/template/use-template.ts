import { useCallback, useRef, useState } from "react";
import type { Host, WriteTemplateOutcome } from "../../adapters/host/types";
import { CATALOGUE } from "../../core/forms/catalogue";
import { buildWorkbookPlan } from "../../core/layout/workbook-plan";
import type { WorkbookPlan } from "../../core/layout/plan";
import { defaultPeriodId } from "../../core/periods/period";
import type { UiStrings } from "../../core/messages/vi-ui";
import { useRecentPeriods } from "../common/use-recent-periods";
import { useStoppableWork, wasStopped } from "../common/use-stoppable-work";
import { describeError, type ErrorView } from "../describe-error";

/** Where the Tạo biểu mẫu action stands. */
export type TemplatePhase =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "confirm"; existing: string[] }
  | { kind: "done"; outcome: Extract<WriteTemplateOutcome, { status: "written" }> }
  | { kind: "stopped" }
  | { kind: "error"; error: ErrorView };

/** The file a browser download of this period is saved as. */
export const templateFileName = (periodId: string): string => `bieu-mau-cchc-${periodId}.xlsx`;

/**
 * The state behind the Tạo biểu mẫu view: the officer's choices, and the
 * write → ask → replace conversation with the host.
 */
export function useTemplate(host: Host, errors: UiStrings["errors"], today?: Date) {
  const { now, periods } = useRecentPeriods(today);
  const [unit, setUnit] = useState("");
  const [periodId, setPeriodId] = useState(() => defaultPeriodId(now));
  const [forms, setForms] = useState<string[]>(() => CATALOGUE.forms.map((f) => f.id));
  const [phase, setPhase] = useState<TemplatePhase>({ kind: "idle" });
  // The plan the officer asked for, kept so that "Thay thế" writes exactly it again.
  const pending = useRef<{ plan: WorkbookPlan; fileName: string } | null>(null);
  const stoppable = useStoppableWork();

  const period = periods.find((p) => p.id === periodId) ?? periods[0];

  const toggleForm = useCallback((id: string, on: boolean) => {
    setForms((current) => CATALOGUE.forms.map((f) => f.id).filter((f) => (f === id ? on : current.includes(f))));
  }, []);

  const setAllForms = useCallback((on: boolean) => setForms(on ? CATALOGUE.forms.map((f) => f.id) : []), []);

  const write = useCallback(
    async (replaceExisting: boolean) => {
      const job = pending.current;
      if (!job) return;
      const controller = stoppable.start();
      setPhase({ kind: "working" });
      try {
        const outcome = await host.writeTemplate(job.plan, {
          replaceExisting,
          fileName: job.fileName,
          signal: controller.signal,
        });
        if (controller.signal.aborted) setPhase({ kind: "stopped" });
        else if (outcome.status === "exists") setPhase({ kind: "confirm", existing: outcome.existing });
        else setPhase({ kind: "done", outcome });
      } catch (error) {
        setPhase(wasStopped(error, controller.signal) ? { kind: "stopped" } : { kind: "error", error: describeError(error, errors) });
      } finally {
        stoppable.finish(controller);
      }
    },
    [host, errors, stoppable],
  );

  const create = useCallback(() => {
    if (forms.length === 0 || !period) return;
    pending.current = {
      plan: buildWorkbookPlan({ unit, period, forms, createdAt: new Date().toISOString() }),
      fileName: templateFileName(period.id),
    };
    void write(false);
  }, [forms, period, unit, write]);

  return {
    unit,
    setUnit,
    periods,
    period,
    setPeriodId,
    forms,
    toggleForm,
    setAllForms,
    phase,
    canCreate: forms.length > 0 && phase.kind !== "working",
    create,
    replace: useCallback(() => void write(true), [write]),
    keep: useCallback(() => setPhase({ kind: "idle" }), []),
    stop: stoppable.stop,
  };
}
