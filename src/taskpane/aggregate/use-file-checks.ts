import { useCallback, useEffect, useRef, useState } from "react";
import { useValidateRunner } from "../jobs/runner-context";
import { toJobFile } from "../jobs/job-file";
import type { FileCheck } from "../jobs/protocol";
import type { UiLang } from "../strings";

/** One unit file read again after a run, as Kiểm tra reads it: its figures (to compare two files of one unit) and the cells around its findings. */
export type FileCheckState = { status: "reading" } | { status: "done"; check: FileCheck } | { status: "failed" };

/** What the summary asks of the picked files: read some of them again, and what came of it by file name. */
export interface FileChecks {
  checks: Readonly<Record<string, FileCheckState>>;
  request: (names: readonly string[]) => void;
}

interface Store {
  key: unknown;
  checks: Record<string, FileCheckState>;
}

/**
 * Reads picked files again on demand, after an aggregation (whose job keeps
 * no cells and no figures of a file it did not use): for the cell preview of
 * a unit file's finding, and to compare the files a unit sent twice. Each
 * file is read once per `key` (the aggregation's result); a new key forgets
 * what was read and stops what is being read.
 */
export function useFileChecks(files: readonly File[], lang: UiLang, key: unknown): FileChecks {
  const runner = useValidateRunner();
  const [store, setStore] = useState<Store>({ key, checks: {} });
  const requested = useRef<{ key: unknown; names: Set<string>; controllers: AbortController[] }>({ key, names: new Set(), controllers: [] });

  // Stops what is still being read when the view goes (or the result is replaced: see request).
  useEffect(
    () => () => {
      for (const c of requested.current.controllers) c.abort();
    },
    [],
  );

  const request = useCallback(
    (names: readonly string[]) => {
      if (requested.current.key !== key) {
        for (const c of requested.current.controllers) c.abort();
        requested.current = { key, names: new Set(), controllers: [] };
      }
      const seen = requested.current.names;
      const todo = names.filter((n) => !seen.has(n) && files.some((f) => f.name === n));
      if (todo.length === 0) return;
      for (const n of todo) seen.add(n);
      const update = (entries: [string, FileCheckState][]) =>
        setStore((s) => (s.key === key ? { key, checks: { ...s.checks, ...Object.fromEntries(entries) } } : { key, checks: Object.fromEntries(entries) }));
      update(todo.map((n) => [n, { status: "reading" }]));
      const controller = new AbortController();
      requested.current.controllers.push(controller);
      void (async () => {
        try {
          const jobFiles = todo.map((n) => toJobFile(files.find((f) => f.name === n)!));
          const out = await runner.validate({ files: jobFiles, lang }, { onProgress: () => undefined, signal: controller.signal });
          if (controller.signal.aborted) return;
          update(todo.map((n) => [n, withResult(out.find((c) => c.file === n))]));
        } catch {
          if (!controller.signal.aborted) update(todo.map((n) => [n, { status: "failed" }]));
        }
      })();
    },
    [files, lang, runner, key],
  );

  return { checks: store.key === key ? store.checks : {}, request };
}

const withResult = (check: FileCheck | undefined): FileCheckState => (check?.result ? { status: "done", check } : { status: "failed" });
