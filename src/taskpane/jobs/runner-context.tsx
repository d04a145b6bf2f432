import { createContext, useContext, type ReactNode } from "react";
import { createDefaultRunner, type AggregateRunner, type JobRunner, type ValidateRunner } from "./runner";

let defaultRunner: JobRunner | undefined;
const pickDefault = () => (defaultRunner ??= createDefaultRunner());
const RunnerContext = createContext<AggregateRunner | null>(null);
const ValidateRunnerContext = createContext<ValidateRunner | null>(null);

/** Lets a test (or another composition root) choose where aggregation runs. */
export function AggregateRunnerProvider({ runner, children }: { runner: AggregateRunner; children: ReactNode }) {
  return <RunnerContext.Provider value={runner}>{children}</RunnerContext.Provider>;
}

/** Lets a test (or another composition root) choose where Kiểm tra reads and validates picked files. */
export function ValidateRunnerProvider({ runner, children }: { runner: ValidateRunner; children: ReactNode }) {
  return <ValidateRunnerContext.Provider value={runner}>{children}</ValidateRunnerContext.Provider>;
}

/** The runner of the nearest provider, else the pane's default (a Web Worker where there is one). */
export function useAggregateRunner(): AggregateRunner {
  return useContext(RunnerContext) ?? pickDefault();
}

/** Kiểm tra's runner: the nearest provider's, else the same default as aggregation (one worker script for both). */
export function useValidateRunner(): ValidateRunner {
  return useContext(ValidateRunnerContext) ?? pickDefault();
}
