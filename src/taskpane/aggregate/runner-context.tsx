import { createContext, useContext, type ReactNode } from "react";
import { createDefaultRunner, type AggregateRunner } from "./runner";

let defaultRunner: AggregateRunner | undefined;
const RunnerContext = createContext<AggregateRunner | null>(null);

/** Lets a test (or another composition root) choose where aggregation runs. */
export function AggregateRunnerProvider({ runner, children }: { runner: AggregateRunner; children: ReactNode }) {
  return <RunnerContext.Provider value={runner}>{children}</RunnerContext.Provider>;
}

/** The runner of the nearest provider, else the pane's default (a Web Worker where there is one). */
export function useAggregateRunner(): AggregateRunner {
  const runner = useContext(RunnerContext);
  return runner ?? (defaultRunner ??= createDefaultRunner());
}
