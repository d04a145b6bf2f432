import { useCallback, useEffect, useRef, useState } from "react";
import type { Host, WriteTemplateOutcome } from "../../adapters/host/types";
import { templateFileName } from "../../core/layout/file-names";
import type { WorkbookPlan } from "../../core/layout/plan";
import { defaultPeriodId, type Period } from "../../core/periods/period";
import type { UiStrings } from "../../core/messages/vi-ui";
import { useRecentPeriods } from "../common/use-recent-periods";
import { useStoppableWork, wasStopped } from "../common/use-stoppable-work";
import { describeError, type ErrorView } from "../describe-error";
import { setupStoreOf } from "../setup/setup-store";
import { useStrings } from "../strings";
import { FORM_CHOICE_IDS } from "./form-choices";
import { loadReplaceDialog } from "./replace-dialog";

/** Where the Tạo biểu mẫu action stands. */
export type TemplatePhase =
  | { kind: "idle" }
  | { kind: "working" }
  | { kind: "confirm"; existing: string[] }
  | { kind: "done"; outcome: Extract<WriteTemplateOutcome, { status: "written" }> }
  | { kind: "stopped" }
  | { kind: "error"; error: ErrorView };

/** The file a browser download of this period is saved as. */

/** A plan to write, the name of its download, and the choices it was made with (remembered once written). */
interface TemplateJob {
  plan: WorkbookPlan;
  fileName: string;
  unit: string;
  period: string;
}

// The unit and period last used: read after the first render, remembered after a write; no part of the first load.
const loadLastChoices = () => import(/* webpackChunkName: "last-choices" */ "./last-choices");

/** The plan builder (template-plan.ts): fetched when the officer first clicks Tạo biểu mẫu. */
const loadPlanBuilder = async () => (await import(/* webpackChunkName: "template-plan" */ "./template-plan")).templatePlan;

/**
 * The state behind the Tạo biểu mẫu view: the officer's choices, and the
 * write → ask → replace conversation with the host.
 */
export function useTemplate(host: Host, errors: UiStrings["errors"], today?: Date) {
  const { now, periods } = useRecentPeriods(today);
  const [unit, setUnit] = useState("");
  const [periodId, setPeriodId] = useState(() => defaultPeriodId(now));
  const [forms, setForms] = useState<string[]>(() => [...FORM_CHOICE_IDS]);
  const [phase, setPhase] = useState<TemplatePhase>({ kind: "idle" });
  // The period with the dates shown (TemplateDates): null while a typed one is wrong.
  const [dated, setDated] = useState<Period | null>();
  const store = setupStoreOf(host, useStrings().lang);
  // The plan the officer asked for, kept so that "Thay thế" writes exactly it again.
  const pending = useRef<TemplateJob | null>(null);
  const stoppable = useStoppableWork();

  const period = periods.find((p) => p.id === periodId) ?? periods[0];

  // The fields start from what was used last (issue 16), unless the officer changed one meanwhile.
  const touched = useRef(false);
  useEffect(() => {
    let live = !!host.loadChoices;
    if (live)
      loadLastChoices()
        .then((m) => m.recallChoices(host))
        .then((last) => {
          if (!live || !last || touched.current) return;
          setUnit(last.unit);
          if (periods.some((p) => p.id === last.period)) setPeriodId(last.period);
        })
        .catch(() => undefined);
    return () => void (live = false);
  }, [host, periods]);
  const changeUnit = useCallback((name: string) => {
    touched.current = true;
    setUnit(name);
  }, []);
  const changePeriod = useCallback((id: string) => {
    touched.current = true;
    setPeriodId(id);
  }, []);

  const toggleForm = useCallback((id: string, on: boolean) => {
    setForms((current) => FORM_CHOICE_IDS.filter((f) => (f === id ? on : current.includes(f))));
  }, []);

  const setAllForms = useCallback((on: boolean) => setForms(on ? [...FORM_CHOICE_IDS] : []), []);

  /** A unit picked from the ward's list: its name, and the forms it reports ticked (all left as they were if it reports none). */
  const pickUnit = useCallback(
    (picked: { name: string; forms: readonly string[] }) => {
      changeUnit(picked.name);
      if (picked.forms.length > 0) setForms(FORM_CHOICE_IDS.filter((id) => picked.forms.includes(id)));
    },
    [changeUnit],
  );

  /** Writes the pending job (after `prepare` makes it, for a new one); Dừng stops it at any point. */
  const write = useCallback(
    async (replaceExisting: boolean, prepare?: () => Promise<TemplateJob>) => {
      if (!prepare && !pending.current) return;
      const controller = stoppable.start();
      setPhase({ kind: "working" });
      try {
        if (prepare) pending.current = await prepare();
        controller.signal.throwIfAborted();
        const job = pending.current!;
        const outcome = await host.writeTemplate(job.plan, {
          replaceExisting,
          fileName: job.fileName,
          signal: controller.signal,
        });
        if (outcome.status === "exists" && !controller.signal.aborted) {
          // The question is fetched on first need; a failed fetch is this action's "Không tải được…".
          await loadReplaceDialog();
        }
        if (controller.signal.aborted) setPhase({ kind: "stopped" });
        else if (outcome.status === "exists") setPhase({ kind: "confirm", existing: outcome.existing });
        else {
          setPhase({ kind: "done", outcome });
          if (host.saveChoices)
            loadLastChoices().then(
              (m) => m.rememberChoices(host, job),
              () => undefined,
            );
        }
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
    const options = { unit, period, forms, createdAt: new Date().toISOString() };
    const fileName = templateFileName(unit, period.id);
    // Only a workbook in Excel can already hold the sheets: fetch the question while Excel writes.
    if (host.kind === "excel") loadReplaceDialog().catch(() => undefined);
    void write(false, async () => ({ plan: await (await loadPlanBuilder())(options, dated ?? undefined, store), fileName, unit, period: period.id }));
  }, [forms, host, period, unit, write, dated, store]);

  return {
    unit,
    setUnit: changeUnit,
    pickUnit,
    periods,
    period,
    setPeriodId: changePeriod,
    forms,
    toggleForm,
    setAllForms,
    phase,
    canCreate: forms.length > 0 && phase.kind !== "working" && dated !== null,
    /** the period with the dates the form will carry, once known (the period field's hint says them) */
    dated: dated?.id === period?.id ? dated : undefined,
    setDated,
    create,
    replace: useCallback(() => void write(true), [write]),
    keep: useCallback(() => setPhase({ kind: "idle" }), []),
    stop: stoppable.stop,
  };
}
