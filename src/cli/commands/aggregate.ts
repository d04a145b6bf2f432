import * as path from "node:path";
import { aggregate, type AggregationResult, type ExaminedWorkbook } from "../../core/aggregate";
import type { FileError } from "../../core/errors";
import { buildWardPlan } from "../../core/layout/ward-sheets";
import { LIMITS } from "../../core/limits";
import { formatError, messages, type Lang } from "../../core/messages";
import { fileUseDetail } from "../../core/messages/file-use";
import { worded, type Worded } from "../../core/messages/word";
import { parsePeriod } from "../../core/periods/period";
import { AGGREGATION_CODES } from "../../core/validate/finding";
import { parseCommandArgs } from "../args";
import { EXIT, failWith, type CliIO } from "../io";
import { planToXlsx } from "../../adapters/xlsx/write-plan";
import { examineFiles } from "../examine-files";
import { NODE_COMPRESSOR } from "../node-compressor";
import { collectInputs, readWorkbookFile } from "../read-files";
import { earlierFigures } from "../../core/cycle/previous-workbook";
import type { EarlierFigures } from "../../core/cycle/previous";
import { vietnamDate } from "../../core/cycle/submissions";
import { submissionLines } from "../../core/messages/submissions";
import { writeError, writeFileAtomic } from "../write-file";
import { loadRegistry } from "../load-setup";
import { feedbackForUnits } from "../../core/cycle/feedback";
import { writeFeedbackFiles } from "../write-feedback";

const OPTIONS = {
  output: { type: "string", short: "o" },
  period: { type: "string" },
  ward: { type: "string" },
  units: { type: "string" },
  json: { type: "boolean" },
  strict: { type: "boolean" },
  previous: { type: "string" },
  feedback: { type: "string" },
} as const;

/** How many of a unit file's errors the summary writes out before pointing to `cchc validate`. */
const UNIT_ERRORS_SHOWN = 3;

/** The summary an officer reads before sending the report: who sent what, what does not fit. */
function printSummary(result: Worded<AggregationResult>, output: string, lang: Lang, io: CliIO): void {
  const m = messages(lang).cli;
  const period = parsePeriod(result.periodId);
  io.out(m.aggregateHeading(result.ward, period.ok ? (lang === "en" ? period.value.label.en : period.value.label.vi) : result.periodId));
  for (const f of result.files) {
    // An unreadable file's reason went to the error stream as it was read: not repeated.
    io.out(`  ${m.fileStatus({ ...f, detail: f.status === "unreadable" ? undefined : fileUseDetail(f, lang) })}`);
    // A used file's own errors, the first few in words: a count alone sends the officer looking.
    if (f.status !== "used" || f.errors === 0) continue;
    const errors = result.findings.filter((x) => x.file === f.file && x.severity === "error" && !AGGREGATION_CODES.has(x.code));
    for (const x of errors.slice(0, UNIT_ERRORS_SHOWN)) io.out(`      ${x.cell ?? x.form}: ${x.message}`);
    if (errors.length > UNIT_ERRORS_SHOWN) io.out(`      ${m.moreErrors(errors.length - UNIT_ERRORS_SHOWN, f.file)}`);
  }
  if (result.period && result.submissions.length > 0) {
    io.out("");
    for (const line of submissionLines(result.submissions, result.period.unitDeadline, lang, result.unplacedFiles)) io.out(line);
    io.out("");
  }
  io.out(`  ${m.formModes(Object.entries(result.forms).map(([form, c]) => ({ form, mode: c.mode, lead: c.lead?.code })))}`);
  // The files' own findings are in the ward workbook and in --json; here, what the officer must settle before sending the report.
  const wardFindings = result.findings.filter((f) => f.file === undefined || AGGREGATION_CODES.has(f.code));
  if (wardFindings.length > 0) {
    io.out("");
    io.out(m.wardFindingsHeading);
    for (const f of wardFindings) {
      const place = m.findingPlace(f.cell, f.units ?? []);
      // A finding about a whole file (another period, an unknown unit, an old template) names the file.
      const where = f.form ? `${f.form}${f.row ? ` ${f.row}` : ""}: ` : f.file && f.code !== "UNIT_DUPLICATE" ? `${path.basename(f.file)}: ` : "";
      io.out(`  ${messages(lang).severity[f.severity].padEnd(9)} ${where}${f.message}${place ? ` (${place})` : ""} [${f.code}]`);
    }
  }
  io.out("");
  io.out(m.aggregateWritten(output, result.counts));
}

/**
 * `cchc aggregate -o WARD.xlsx FILE_OR_DIR…`: the ward's BM1–BM7 from its units' workbooks.
 * Exit 0 written; 1 a file had no form (left out), --strict with errors, or no usable file;
 * 2 a file could not be read (the others are still aggregated) or the output could not be written.
 */
export async function aggregateCommand(argv: string[], lang: Lang, io: CliIO): Promise<number> {
  const fail = failWith(io, lang);
  const args = parseCommandArgs(argv, OPTIONS);
  if (!args.ok) return fail(args.error);
  const v = args.value.values as Record<string, string | boolean | undefined>;
  const output = v.output as string | undefined;
  if (!output) return fail({ code: "OUTPUT_REQUIRED", command: "aggregate" });
  if (!/\.xlsx$/i.test(output)) return fail({ code: "OUTPUT_NOT_XLSX", path: output });
  if (args.value.positionals.length === 0) return fail({ code: "FILES_REQUIRED" });
  let period: ReturnType<typeof parsePeriod> | undefined;
  if (typeof v.period === "string") {
    period = parsePeriod(v.period);
    if (!period.ok) return fail(period.error);
  }
  const registry = await loadRegistry(v.units as string | undefined, lang);
  if (!registry.ok) return fail(registry.error);
  const ward = (typeof v.ward === "string" ? v.ward.trim() : "") || registry.value.ward;
  if (!ward) return fail({ code: "WARD_REQUIRED" });

  // A file named twice (on its own and inside its folder) is one file, not a unit sending twice.
  const files: string[] = [];
  const seen = new Set<string>();
  const inputs = await collectInputs(args.value.positionals);
  for (const file of inputs.workbooks) {
    if (seen.has(path.resolve(file))) continue;
    seen.add(path.resolve(file));
    files.push(file);
  }
  if (files.length > LIMITS.maxFiles) return fail({ code: "TOO_MANY_FILES", count: files.length, limit: LIMITS.maxFiles });
  const target = path.resolve(output);
  if (files.some((f) => path.resolve(f) === target)) return fail({ code: "OUTPUT_IS_INPUT", path: output });
  // Feedback written into a folder of the units' files would be read as a unit's workbook by the next run.
  const feedbackDir = typeof v.feedback === "string" ? v.feedback : undefined;
  if (feedbackDir !== undefined && args.value.positionals.some((p) => path.resolve(p) === path.resolve(feedbackDir)))
    return fail({ code: "OUTPUT_IS_INPUT", path: feedbackDir });

  const examining = examineFiles(files, { lang, registry: registry.value });
  const workbooks: ExaminedWorkbook[] = [];
  const unreadable: { file: string; error: FileError }[] = [];
  for (const examined of await examining) {
    if (examined.ok) workbooks.push(examined.value);
    else {
      unreadable.push({ file: examined.error.file, error: examined.error });
      // Its reason is said here, once, on the error stream; the summary lists the file without repeating it.
      io.err(`${messages(lang).cli.errorPrefix}: ${formatError(examined.error, lang)}`);
    }
  }
  let previous: EarlierFigures | undefined;
  if (typeof v.previous === "string") {
    const read = await readWorkbookFile(v.previous, lang);
    if (!read.ok) return fail(read.error);
    previous = earlierFigures(read.value.book, path.basename(v.previous));
  }
  const result = aggregate({
    workbooks,
    unreadable,
    registry: registry.value,
    periodId: period?.ok ? period.value.id : undefined,
    ward,
    others: inputs.others,
    today: vietnamDate(io.now().getTime()),
    ...(previous ? { previous } : {}),
  });
  const usedCount = result.files.filter((f) => f.status === "used").length;
  if (usedCount === 0) return fail({ code: "NO_USABLE_FILES" }, EXIT.findings);
  if (!result.periodId) return fail({ code: "NO_PERIOD" });
  const wardPeriod = parsePeriod(result.periodId);
  if (!wardPeriod.ok) return fail(wardPeriod.error);

  const plan = buildWardPlan(result, wardPeriod.value, io.now().toISOString(), { lang });
  try {
    await writeFileAtomic(output, await planToXlsx(plan, NODE_COMPRESSOR));
  } catch (error) {
    return fail(writeError(error, output, lang));
  }
  const feedback = feedbackDir !== undefined ? await writeFeedbackFiles(feedbackDir, feedbackForUnits(result), io.now().toISOString(), lang) : undefined;
  if (feedback && !feedback.ok) return fail(feedback.error);
  const feedbackFiles = feedback?.ok ? feedback.written : [];
  const shown = worded(result, lang);
  if (v.json) {
    const perFile = result.files.map((f) => {
      // The reason beside a file is worded here, for the JSON, as it always was.
      const detail = fileUseDetail(f, lang);
      return {
        file: f.file,
        unit: f.unitName || null,
        period: f.periodId ?? null,
        status: f.status,
        ...(detail ? { detail } : {}),
        findings: shown.findings.filter((x) => x.file === f.file),
      };
    });
    const wardLevel = shown.findings.filter((x) => x.file === undefined);
    io.out(
      JSON.stringify(
        {
          files: perFile,
          ward: result.ward,
          period: result.periodId,
          output,
          used: result.files.filter((f) => f.status === "used").map((f) => f.file),
          forms: result.forms,
          submissions: result.submissions,
          unplacedFiles: result.unplacedFiles.map((o) => ({ file: o.file, kind: o.kind })),
          ...(feedback ? { feedback: feedbackFiles.map((f) => ({ file: f.path, unit: f.entry.unit, findings: f.entry.findings.length })) } : {}),
          findings: wardLevel,
          counts: result.counts,
        },
        null,
        2,
      ),
    );
  } else {
    printSummary(shown, output, lang, io);
    for (const f of feedbackFiles) io.out(messages(lang).cli.feedbackWritten({ path: f.path, unit: f.entry.unit, findings: f.entry.findings.length }));
  }
  if (unreadable.length > 0) return EXIT.failure;
  // A file read but without any form (a staff list sent by mistake) was left out: the officer must ask for the right one.
  if (result.files.some((f) => f.status === "no-forms")) return EXIT.findings;
  return v.strict && result.counts.error > 0 ? EXIT.findings : EXIT.ok;
}
