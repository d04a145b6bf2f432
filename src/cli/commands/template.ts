import type { AppError } from "../../core/errors";
import { selectForms } from "../../core/forms/select-forms";
import { buildWorkbookPlan, cleanUnitName, DEFAULT_UNIT } from "../../core/layout/workbook-plan";
import { messages, type Lang } from "../../core/messages";
import { defaultPeriodId, parseDateVi, parsePeriod, type PeriodOverrides } from "../../core/periods/period";
import type { Result } from "../../core/result";
import { wardPeriod } from "../../core/cycle/ward-dates";
import { findUnit } from "../../core/units/match-unit";
import type { UnitRegistry } from "../../core/units/registry";
import { planToXlsx } from "../../adapters/xlsx/write-plan";
import { NODE_COMPRESSOR } from "../node-compressor";
import { parseCommandArgs } from "../args";
import { EXIT, failWith, type CliIO } from "../io";
import { writeError, writeFileAtomic } from "../write-file";
import { loadRegistry } from "../load-setup";

const OPTIONS = {
  unit: { type: "string" },
  period: { type: "string" },
  forms: { type: "string" },
  cutoff: { type: "string" },
  deadline: { type: "string" },
  output: { type: "string", short: "o" },
  units: { type: "string" },
} as const;

function parseOverrides(cutoff: string | undefined, deadline: string | undefined): Result<PeriodOverrides, AppError> {
  const overrides: PeriodOverrides = {};
  if (cutoff !== undefined) {
    const [fromText, toText] = cutoff.split(/\s*[-–]\s*(?=\d{1,2}\/)/);
    const from = parseDateVi(fromText ?? "");
    const to = parseDateVi(toText ?? "");
    if (!from) return { ok: false, error: { code: "BAD_DATE", input: fromText ?? cutoff } };
    if (!to) return { ok: false, error: { code: "BAD_DATE", input: toText ?? cutoff } };
    overrides.window = { from, to };
  }
  if (deadline !== undefined) {
    const d = parseDateVi(deadline);
    if (!d) return { ok: false, error: { code: "BAD_DATE", input: deadline } };
    overrides.unitDeadline = d;
  }
  return { ok: true, value: overrides };
}

/** The warning for a unit name the ward's setup does not list as written, or undefined when it does. */
function unitNotListed(registry: UnitRegistry, unit: string, lang: Lang): string | undefined {
  const m = findUnit(registry, unit);
  if (m.how === "exact") return undefined;
  const named = (u: { name: string; code: string }) => `${u.name} (${u.code})`;
  return messages(lang).cli.templateUnitNotListed({ unit, matched: m.unit && named(m.unit), like: m.resembles.map(named) });
}

/** `cchc template`: writes the chosen forms for a unit and period as an .xlsx file; with --units, warns when --unit is not a unit of the ward. */
export async function templateCommand(argv: string[], lang: Lang, io: CliIO): Promise<number> {
  const fail = failWith(io, lang);
  const args = parseCommandArgs(argv, OPTIONS);
  if (!args.ok) return fail(args.error);
  const v = args.value.values as Record<string, string | undefined>;
  if (args.value.positionals.length > 0) return fail({ code: "UNKNOWN_OPTION", option: args.value.positionals[0] });
  const output = v.output;
  if (!output) return fail({ code: "OUTPUT_REQUIRED", command: "template" });
  if (!/\.xlsx$/i.test(output)) return fail({ code: "OUTPUT_NOT_XLSX", path: output });

  const overrides = parseOverrides(v.cutoff, v.deadline);
  if (!overrides.ok) return fail(overrides.error);
  const forms = selectForms(v.forms);
  if (!forms.ok) return fail(forms.error);
  const unit = cleanUnitName(v.unit ?? "");
  let registry: UnitRegistry | undefined;
  if (v.units !== undefined) {
    const loaded = await loadRegistry(v.units, lang);
    if (!loaded.ok) return fail(loaded.error);
    registry = loaded.value;
    // Only a warning: a new unit may make its template before the ward's list has it.
    const warning = unit && unit !== DEFAULT_UNIT ? unitNotListed(registry, unit, lang) : undefined;
    if (warning) io.err(warning);
  }
  // The dates typed here, over the ward's setup for the period, over the standard guidance.
  const periodId = v.period ?? defaultPeriodId(io.now());
  const period = registry ? wardPeriod(registry, periodId, overrides.value) : parsePeriod(periodId, overrides.value);
  if (!period.ok) return fail(period.error);

  const started = Date.now();
  const plan = buildWorkbookPlan({
    unit: v.unit ?? "",
    period: period.value,
    forms: forms.value,
    createdAt: io.now().toISOString(),
  });
  const bytes = await planToXlsx(plan, NODE_COMPRESSOR);
  try {
    await writeFileAtomic(output, bytes);
  } catch (error) {
    return fail(writeError(error, output, lang));
  }
  io.out(
    messages(lang).cli.templateWritten({
      path: output,
      forms: forms.value.join(", "),
      unit: cleanUnitName(v.unit ?? "") || DEFAULT_UNIT,
      period: lang === "en" ? period.value.label.en : period.value.label.vi,
      ms: Date.now() - started,
    }),
  );
  return EXIT.ok;
}
