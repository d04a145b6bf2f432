import { useCallback, useState } from "react";
import type { Host, SelfCheckReport, SelfCheckStepId } from "../../adapters/host/types";

/** Where Kiểm tra môi trường stands. */
export type SelfCheckPhase =
  | { kind: "idle" }
  | { kind: "running"; step?: SelfCheckStepId }
  | { kind: "done"; report: SelfCheckReport }
  /** the check's code could not be fetched, or Office failed before any step */
  | { kind: "failed" };

/** The state behind Kiểm tra môi trường: runs the host's check, following its steps. */
export function useSelfCheck(host: Host) {
  const [phase, setPhase] = useState<SelfCheckPhase>({ kind: "idle" });
  const run = useCallback(async () => {
    if (!host.selfCheck) return;
    setPhase({ kind: "running" });
    try {
      const report = await host.selfCheck({ onStep: (step) => setPhase({ kind: "running", step }) });
      setPhase({ kind: "done", report });
    } catch (error) {
      // A failed step is in the report; this is a fetch or Office itself failing. The console keeps the detail.
      console.warn("Biểu mẫu CCHC: the environment check could not run", error);
      setPhase({ kind: "failed" });
    }
  }, [host]);
  return { phase, run, available: host.selfCheck !== undefined };
}
