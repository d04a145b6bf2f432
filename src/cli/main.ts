import { formatError, messages } from "../core/messages";
import { detectLang } from "./args";
import type { Lang } from "../core/messages";
import { EXIT, processIO, type CliIO } from "./io";

type Command = (argv: string[], lang: Lang, io: CliIO) => Promise<number>;

/** Commands load on demand, so `cchc --help` or a bad command line never pays for the .xlsx library. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  template: async () => (await import("./commands/template")).templateCommand,
  validate: async () => (await import("./commands/validate")).validateCommand,
  aggregate: async () => (await import("./commands/aggregate")).aggregateCommand,
  import: async () => (await import("./commands/import")).importCommand,
};

/** Runs `cchc ARGS…` and returns the exit code; every failure becomes one line of text, never a stack trace. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const lang = detectLang(argv);
  const [command, ...rest] = argv;
  // No command at all is a usage error: the help, on stderr, and exit 2 (a script that forgot its arguments fails).
  if (!command) {
    io.err(messages(lang).cli.help);
    return EXIT.failure;
  }
  if (command === "--help" || command === "-h" || command === "help" || rest.includes("--help") || rest.includes("-h")) {
    io.out(messages(lang).cli.help);
    return command && !["--help", "-h", "help"].includes(command) && !COMMANDS[command] ? EXIT.failure : EXIT.ok;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.err(`${messages(lang).cli.errorPrefix}: ${formatError({ code: "UNKNOWN_COMMAND", command }, lang)}`);
    return EXIT.failure;
  }
  try {
    const run = await load();
    return await run(rest, lang, io);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.err(`${messages(lang).cli.errorPrefix}: ${formatError({ code: "UNEXPECTED", detail }, lang)}`);
    return EXIT.failure;
  }
}
