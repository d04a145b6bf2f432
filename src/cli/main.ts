import { formatError, messages } from "../core/messages";
import { detectLang } from "./args";
import { templateCommand } from "./commands/template";
import { validateCommand } from "./commands/validate";
import { EXIT, processIO, type CliIO } from "./io";

const COMMANDS: Record<string, typeof templateCommand> = {
  template: templateCommand,
  validate: validateCommand,
};

/** Runs `cchc ARGS…` and returns the exit code; every failure becomes one line of text, never a stack trace. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const lang = detectLang(argv);
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help" || rest.includes("--help") || rest.includes("-h")) {
    io.out(messages(lang).cli.help);
    return command && !["--help", "-h", "help"].includes(command) && !COMMANDS[command] ? EXIT.failure : EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`${messages(lang).cli.errorPrefix}: ${formatError({ code: "UNKNOWN_COMMAND", command }, lang)}`);
    return EXIT.failure;
  }
  try {
    return await run(rest, lang, io);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.err(`${messages(lang).cli.errorPrefix}: ${formatError({ code: "UNEXPECTED", detail }, lang)}`);
    return EXIT.failure;
  }
}
