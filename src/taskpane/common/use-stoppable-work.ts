import { useEffect, useMemo, useRef } from "react";
import { isAbort } from "../describe-error";

/** True when work ended because it was stopped (Dừng, or the view closing), not because it failed. */
export const wasStopped = (error: unknown, signal: AbortSignal): boolean => isAbort(error) || signal.aborted;

/**
 * The AbortController of a view's running work: Dừng aborts it, and so does
 * leaving the view. Work takes a controller with `start` and gives it back
 * with `finish`, which forgets it only if no newer work has taken its place.
 */
export function useStoppableWork() {
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  return useMemo(
    () => ({
      /** A controller for new work; `abortRunning` first stops the work still running. */
      start: ({ abortRunning = false }: { abortRunning?: boolean } = {}): AbortController => {
        if (abortRunning) current.current?.abort();
        const controller = new AbortController();
        current.current = controller;
        return controller;
      },
      /** True while `controller` belongs to the latest work. */
      isCurrent: (controller: AbortController): boolean => current.current === controller,
      finish: (controller: AbortController): void => {
        if (current.current === controller) current.current = null;
      },
      /** Dừng: aborts the running work, if any. */
      stop: (): void => current.current?.abort(),
    }),
    [],
  );
}
