/** Where a command writes; tests pass their own to capture output. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** the clock, injectable so generated files and tests are deterministic */
  now: () => Date;
}

/** The process's own stdout, stderr and clock. */
export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
};

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;
