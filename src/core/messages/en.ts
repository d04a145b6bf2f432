import type { Messages } from "./types";

/** English, for the CLI's --lang en. */
export const en: Messages = {
  errors: {
    BAD_PERIOD: (e) => `Report period "${e.input}" is not valid. Accepted forms: ${e.accepted.replace("ví dụ", "e.g.")}.`,
    BAD_DATE: (e) => `Date "${e.input}" is not valid. Write dates as DD/MM/YYYY, e.g. 14/06/2026.`,
    BAD_WINDOW: (e) => `The cut-off window is not valid: it starts on ${e.from}, after its end ${e.to}.`,
    UNKNOWN_FORM: (e) => `There is no form "${e.input}". Forms: ${e.known}.`,
    UNKNOWN_COMMAND: (e) => `There is no command "${e.command}". Run "cchc --help" for the commands.`,
    UNKNOWN_OPTION: (e) => `There is no option "${e.option}". Run "cchc --help" for the options.`,
    MISSING_OPTION_VALUE: (e) => `Option ${e.option} needs a value.`,
    OUTPUT_REQUIRED: () => `Name the output file with -o, e.g.: cchc template -o forms.xlsx`,
    OUTPUT_NOT_XLSX: (e) => `Output file "${e.path}" must end in .xlsx.`,
    WRITE_FAILED: (e) => `Could not write "${e.path}": ${e.reason}. Check that the folder exists and is writable and that the file is not open in Excel.`,
    UNEXPECTED: (e) => `Something unexpected went wrong (${e.detail}). Please try again or tell your administrator.`,
  },
  cli: {
    help: [
      "cchc – administrative-reform (CCHC) statistical forms",
      "",
      "Usage:",
      "  cchc template [--unit \"Unit name\"] [--period 2026-H1] [--forms BM1,BM4] -o FILE.xlsx",
      "      Generate forms BM1–BM7 for a unit to fill.",
      "      --period    report period: YEAR-Q1, YEAR-H1, YEAR-Q3, YEAR-Y (default: the current half-year)",
      "      --cutoff    the ward's own cut-off window, e.g. 01/01/2026-31/05/2026",
      "      --deadline  the units' deadline, e.g. 04/06/2026",
      "      --forms     only these forms (default: all)",
      "",
      "Common options:",
      "  --lang en     messages in English",
      "  -h, --help    this help",
    ].join("\n"),
    templateWritten: (a) => `Wrote ${a.path}: ${a.forms} – ${a.unit}, ${a.period} (${a.ms} ms).`,
    errorPrefix: "Error",
  },
};
