import { formatError, messages, type Lang } from "../../core/messages";
import { parsePeriod } from "../../core/periods/period";
import * as path from "node:path";
import type { EarlierFigures } from "../../core/cycle/previous";
import { checkAgainstEarlier, earlierFigures } from "../../core/cycle/previous-workbook";
import { toFinding } from "../../core/messages/word";
import { byPlace, type Finding } from "../../core/validate";
import { parseCommandArgs } from "../args";
import { EXIT, failWith, type CliIO } from "../io";
import { collectFiles, readWorkbookFile } from "../read-files";
import { fileFeedback, type UnitFeedback } from "../../core/cycle/feedback";
import { writeFeedback } from "../write-feedback";

const OPTIONS = { json: { type: "boolean" }, previous: { type: "string" }, report: { type: "string" } } as const;

/** One file's outcome, as printed and as --json gives it. */
export interface FileReport {
  file: string;
  unit: string | null;
  period: string | null;
  findings: Finding[];
  error?: { code: string; message: string };
}

function periodLabel(id: string | undefined, lang: Lang): string | null {
  if (!id) return null;
  const p = parsePeriod(id);
  return p.ok ? (lang === "en" ? p.value.label.en : p.value.label.vi) : id;
}

/** The human report: grouped by file, then form, one line per finding with its fix (cchc import prints the same). */
export function printReport(reports: FileReport[], lang: Lang, io: CliIO): void {
  const m = messages(lang).cli;
  const sev = messages(lang).severity;
  for (const r of reports) {
    if (r.error) {
      io.err(`${messages(lang).cli.errorPrefix}: ${r.error.message}`);
      continue;
    }
    const header = [r.unit, periodLabel(r.period ?? undefined, lang)].filter(Boolean).join(", ");
    io.out(`${r.file}${header ? ` — ${header}` : ""}`);
    let form: string | undefined;
    for (const f of r.findings) {
      if (f.form !== form) {
        form = f.form;
        io.out(`  ${form || m.workbookLevel}`);
      }
      io.out(`    ${sev[f.severity].padEnd(9)} ${(f.cell ?? (f.row ? `${f.form} ${f.row}` : "")).padEnd(10)} ${f.message} [${f.code}]`);
      io.out(`    ${"".padEnd(9)} ${"".padEnd(10)} → ${f.suggestion}`);
    }
    const counts = { error: 0, warning: 0, info: 0 };
    r.findings.forEach((f) => counts[f.severity]++);
    io.out(r.findings.length === 0 ? `  ${m.noFindings}` : `  ${m.findingCounts(counts)}`);
    io.out("");
  }
}

/** `cchc validate FILE…`: checks each workbook; exit 0 clean or warnings only, 1 errors found, 2 a file unreadable. */
export async function validateCommand(argv: string[], lang: Lang, io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, OPTIONS);
  const fail = failWith(io, lang);
  if (!args.ok) return fail(args.error);
  if (args.value.positionals.length === 0) return fail({ code: "FILES_REQUIRED" });
  const report = args.value.values.report;
  if (typeof report === "string" && !/\.xlsx$/i.test(report)) return fail({ code: "OUTPUT_NOT_XLSX", path: report });
  const files = await collectFiles(args.value.positionals);
  if (typeof report === "string" && files.some((f) => path.resolve(f) === path.resolve(report))) return fail({ code: "OUTPUT_IS_INPUT", path: report });
  // The earlier period's file, read once: each file's cumulative rows are checked against it.
  let earlier: EarlierFigures | undefined;
  const previousFile = args.value.values.previous;
  if (typeof previousFile === "string") {
    const read = await readWorkbookFile(previousFile, lang);
    if (!read.ok) return fail(read.error);
    earlier = earlierFigures(read.value.book, path.basename(previousFile));
  }
  const reports: FileReport[] = [];
  const feedback: UnitFeedback[] = [];
  let unreadable = false;
  let errors = false;
  for (const file of files) {
    const book = await readWorkbookFile(file, lang);
    if (!book.ok) {
      unreadable = true;
      reports.push({ file, unit: null, period: null, findings: [], error: { code: book.error.code, message: formatError(book.error, lang) } });
      continue;
    }
    const { result, compared } = checkAgainstEarlier(book.value.book, earlier);
    errors ||= result.counts.error > 0 || compared.some((f) => f.severity === "error");
    const raw = byPlace([...result.findings, ...compared]);
    const unit = result.metadata?.unit || path.basename(file).replace(/\.xlsx$/i, "");
    feedback.push(fileFeedback({ unit, periodId: result.metadata?.period ?? "", file, modified: book.value.modified, findings: raw }));
    reports.push({ file, unit: result.metadata?.unit ?? null, period: result.metadata?.period ?? null, findings: raw.map((f) => toFinding(f, lang)) });
  }
  // The Phiếu kiểm tra: one sheet per file read, to send back to whoever made it.
  let written: string | undefined;
  if (typeof report === "string" && feedback.length > 0) {
    const failed = await writeFeedback(report, feedback, io.now().toISOString(), lang);
    if (failed) return fail(failed);
    written = report;
  }
  if (args.value.values.json) io.out(JSON.stringify({ files: reports, ...(written ? { report: written } : {}) }, null, 2));
  else {
    printReport(reports, lang, io);
    if (written) io.out(messages(lang).cli.reportWritten({ path: written, sheets: feedback.length }));
  }
  return unreadable ? EXIT.failure : errors ? EXIT.findings : EXIT.ok;
}
