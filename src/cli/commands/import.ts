import * as path from "node:path";
import { importWorkbook } from "../../core/import";
import { DEFAULT_UNIT } from "../../core/layout/workbook-plan";
import { messages, type Lang } from "../../core/messages";
import { toFinding } from "../../core/messages/word";
import { parsePeriod, type Period } from "../../core/periods/period";
import { planToXlsx } from "../../adapters/xlsx/write-plan";
import { NODE_COMPRESSOR } from "../node-compressor";
import { parseCommandArgs } from "../args";
import { EXIT, failWith, type CliIO } from "../io";
import { readWorkbookFile } from "../read-files";
import { writeError, writeFileAtomic } from "../write-file";
import { printReport } from "./validate";

const OPTIONS = {
  output: { type: "string", short: "o" },
  unit: { type: "string" },
  period: { type: "string" },
  json: { type: "boolean" },
} as const;

/** "bao-cao.xlsx" → "bao-cao-chuan.xlsx", beside it: the standard ("chuẩn") copy. */
export function defaultOutput(file: string): string {
  const dir = path.dirname(file);
  const base = path.basename(file).replace(/\.xlsx$/i, "");
  return path.join(dir, `${base}-chuan.xlsx`);
}

/**
 * `cchc import FILE [-o STANDARD.xlsx]`: reads the forms of a workbook (the
 * appendix pasted from Word, most often), prints its findings as `cchc
 * validate` does, and writes the same figures in the standard BM1–BM7 layout.
 * Exit 0 no error, 1 errors found (the standard file is still written) or no
 * form to convert, 2 a file that cannot be read or written, or no period.
 */
export async function importCommand(argv: string[], lang: Lang, io: CliIO): Promise<number> {
  const fail = failWith(io, lang);
  const args = parseCommandArgs(argv, OPTIONS);
  if (!args.ok) return fail(args.error);
  const v = args.value.values as Record<string, string | boolean | undefined>;
  const [file, ...extra] = args.value.positionals;
  if (!file) return fail({ code: "FILES_REQUIRED" });
  if (extra.length > 0) return fail({ code: "UNKNOWN_OPTION", option: extra[0] });
  const output = typeof v.output === "string" ? v.output : defaultOutput(file);
  if (!/\.xlsx$/i.test(output)) return fail({ code: "OUTPUT_NOT_XLSX", path: output });
  if (path.resolve(output) === path.resolve(file)) return fail({ code: "OUTPUT_IS_INPUT", path: output });
  let period: Period | undefined;
  if (typeof v.period === "string") {
    const p = parsePeriod(v.period);
    if (!p.ok) return fail(p.error);
    period = p.value;
  }

  const read = await readWorkbookFile(file, lang);
  if (!read.ok) return fail(read.error);
  const result = importWorkbook(read.value.book, {
    unit: typeof v.unit === "string" ? v.unit : undefined,
    period,
    createdAt: io.now().toISOString(),
  });
  const findings = result.findings.map((f) => toFinding(f, lang));
  const written = result.plan !== undefined;
  const unitName = result.unit.name || DEFAULT_UNIT;
  const periodLabel = (() => {
    if (!result.period) return null;
    const p = parsePeriod(result.period.id);
    return p.ok ? (lang === "en" ? p.value.label.en : p.value.label.vi) : result.period.id;
  })();

  if (result.plan) {
    try {
      await writeFileAtomic(output, await planToXlsx(result.plan, NODE_COMPRESSOR));
    } catch (error) {
      return fail(writeError(error, output, lang));
    }
  }
  if (v.json) {
    io.out(
      JSON.stringify(
        {
          file,
          output: written ? output : null,
          unit: result.unit,
          period: result.period ?? null,
          forms: result.forms,
          values: result.values,
          findings,
          counts: result.counts,
        },
        null,
        2,
      ),
    );
  } else {
    printReport([{ file, unit: result.unit.name || null, period: result.period?.id ?? null, findings }], lang, io);
  }
  const nothing = Object.keys(result.forms).length === 0;
  if (nothing) {
    if (!v.json) io.out(messages(lang).cli.importNothing);
    return EXIT.findings;
  }
  if (!result.period) return fail({ code: "PERIOD_REQUIRED", file, dates: result.dates.join(", ") });
  if (!v.json)
    io.out(messages(lang).cli.importWritten({ path: output, forms: Object.keys(result.forms).join(", "), unit: unitName, period: periodLabel ?? "" }));
  return result.counts.error > 0 ? EXIT.findings : EXIT.ok;
}
