import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

/** What one in-process CLI run gave. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `cchc ARGS…` in-process with captured output and a fixed clock (the day a test pins). */
export async function runCli(now: string, argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date(now) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
