import type { AppError } from "../core/errors";
import { formatError, messages, type Lang } from "../core/messages";

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

/** How every command fails: one line naming the problem in the user's language, then the exit code. */
export function failWith(io: CliIO, lang: Lang): (error: AppError, code?: number) => number {
  return (error, code = EXIT.failure) => {
    io.err(`${messages(lang).cli.errorPrefix}: ${formatError(error, lang)}`);
    return code;
  };
}
