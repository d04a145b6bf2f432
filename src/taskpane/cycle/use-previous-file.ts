import { useCallback, useRef, useState } from "react";
import type { EarlierFigures } from "../../core/cycle/previous";
import type { Lang } from "../../core/messages/types";
import { toJobFile } from "../jobs/job-file";
import type { EarlierRead, PreviousJob } from "../jobs/protocol";
import { useCycleStrings } from "./cycle-strings";

/** What reads Kỳ trước: a runner's readPrevious (the file worker). */
export type PreviousReader = (job: PreviousJob, options: { signal: AbortSignal }) => Promise<EarlierRead>;

/** Where the Kỳ trước file stands. */
export type PreviousState =
  | { kind: "none" }
  | { kind: "reading"; file: string }
  | { kind: "read"; file: string; earlier: EarlierFigures }
  | { kind: "failed"; file: string; reason: string };

/**
 * Kỳ trước of a view: the earlier file the officer picked, read once (in the
 * worker) for its figures, which each later run compares with. A file that
 * cannot be read is said once; the runs go on without it.
 */
export function usePreviousFile(read: PreviousReader | undefined, lang: Lang) {
  const { unreadable } = useCycleStrings().previous;
  const [state, setState] = useState<PreviousState>({ kind: "none" });
  const pending = useRef<Promise<EarlierFigures | undefined>>(Promise.resolve(undefined));
  const picks = useRef(0);

  const choose = useCallback(
    (file: File | null) => {
      const mine = ++picks.current;
      const settle = (next: PreviousState) => {
        if (picks.current === mine) setState(next);
        return next.kind === "read" ? next.earlier : undefined;
      };
      if (!file || !read) {
        pending.current = Promise.resolve(settle({ kind: "none" }));
        return;
      }
      setState({ kind: "reading", file: file.name });
      pending.current = read({ file: toJobFile(file), lang }, { signal: new AbortController().signal }).then(
        (outcome) =>
          settle(
            outcome.earlier
              ? { kind: "read", file: file.name, earlier: outcome.earlier }
              : { kind: "failed", file: file.name, reason: outcome.error ?? unreadable },
          ),
        () => settle({ kind: "failed", file: file.name, reason: unreadable }),
      );
    },
    [read, lang, unreadable],
  );

  return {
    state,
    choose,
    /** The earlier figures for a run, once read; undefined when none was picked or it could not be read. */
    figures: useCallback(() => pending.current, []),
    available: !!read,
  };
}
