/**
 * The ward's setup checked with zod: the schema, and what its issues say in
 * words. Apart from registry.ts, so that reading units' files (which needs
 * the setup's values, not its checks) starts without loading zod.
 */
import { z } from "zod";
import zodEnglish from "zod/v4/locales/en.cjs";
import zodVietnamese from "zod/v4/locales/vi.cjs";
import { CATALOGUE, FORM_IDS } from "../forms/catalogue";
import type { Lang } from "../messages/types";
import { isIsoDate, parsePeriod } from "../periods/period";
import { COMBINE_MODES } from "./combine-modes";
import { foldUnit } from "./fold-unit";

/** A key of `combine`: a form ("BM1") or one of its rows ("BM1 4.2", a space between form and STT). */
const COMBINE_KEY = /^(BM\d+)(?: (\d+(?:\.\d+)*))?$/;

/** The ward's dates for one period (seed 000), ISO dates; each absent one is the standard guidance's (DOMAIN.md, "Report periods"). */
const periodDatesSchema = z
  .object({
    /** the cut-off window, "2026-01-01/2026-05-31" */
    cutoff: z
      .string()
      .refine(
        (s) => {
          const [from, to, extra] = s.split("/");
          return extra === undefined && isIsoDate(from ?? "") && isIsoDate(to ?? "") && from <= to;
        },
        { params: { why: "cutoff" } },
      )
      .optional(),
    /** when the units send their figures to the ward */
    deadline: z
      .string()
      .refine(isIsoDate, { params: { why: "date" } })
      .optional(),
    /** when the ward sends its report to the city */
    wardDeadline: z
      .string()
      .refine(isIsoDate, { params: { why: "date" } })
      .optional(),
  })
  .strict();

/**
 * The ward's setup: its name, its units (phòng ban: who they are, what they are
 * called, which forms they answer for), which unit leads each form, and which
 * forms or rows are summed over units rather than taken from the lead.
 */
export const registrySchema = z
  .object({
    /** the ward or commune, written on the consolidated report; never a name the ward did not give */
    ward: z.string().trim().min(1).max(200).optional(),
    units: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/),
            name: z.string().min(1).max(200),
            aliases: z.array(z.string().min(1).max(200)).default([]),
            // Only forms the catalogue has: an unknown one would be "missing" on every run.
            forms: z.array(z.string().refine((id) => FORM_IDS.includes(id), { params: { why: "unknown-form" } })),
          })
          .strict(),
      )
      .min(1),
    /** form → code of the unit whose figures are the ward's for that form; absent: DOMAIN.md's default lead, when in the setup */
    leads: z.record(z.string(), z.string()).default({}),
    /** "BM1" or "BM1 4.2" → sum or lead; a row's setting beats its form's; absent: BM1 sum, the others lead */
    combine: z.record(z.string(), z.enum(COMBINE_MODES)).default({}),
    /** period id ("2026-H1") → the ward's own cut-off and deadlines for it */
    periods: z.record(z.string(), periodDatesSchema).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    for (const [form, code] of Object.entries(r.leads)) {
      if (!FORM_IDS.includes(form)) ctx.addIssue({ code: "custom", path: ["leads", form], params: { why: "unknown-form" } });
      else if (!r.units.some((u) => u.code === code)) ctx.addIssue({ code: "custom", path: ["leads", form], params: { why: "lead-unknown", code } });
    }
    for (const id of Object.keys(r.periods ?? {})) {
      const p = parsePeriod(id);
      if (!p.ok || p.value.id !== id) ctx.addIssue({ code: "custom", path: ["periods", id], params: { why: "period-key" } });
    }
    for (const key of Object.keys(r.combine)) if (!isCombineKey(key)) ctx.addIssue({ code: "custom", path: ["combine", key], params: { why: "combine-key" } });
    // Names are compared as matching compares them, so no name can point at two units.
    const seen = new Map<string, number>();
    r.units.forEach((u, i) => {
      const twin = r.units.findIndex((x) => x.code === u.code);
      if (twin !== i) ctx.addIssue({ code: "custom", path: ["units", i, "code"], params: { why: "code-twice", code: u.code } });
      for (const name of [u.code, u.name, ...u.aliases]) {
        const key = foldUnit(name);
        if (!key) continue;
        const other = seen.get(key);
        if (other !== undefined && other !== i && r.units[other].code !== u.code) {
          ctx.addIssue({ code: "custom", path: ["units", i], params: { why: "name-twice", name, first: r.units[other].code, second: u.code } });
        }
        seen.set(key, i);
      }
    });
  });

/** A form the catalogue has, or one of its rows. */
function isCombineKey(key: string): boolean {
  const m = COMBINE_KEY.exec(key);
  if (!m) return false;
  const form = CATALOGUE.forms.find((f) => f.id === m[1]);
  return !!form && (m[2] === undefined || form.rows.some((row) => row.stt === m[2] && (row.kind === "count" || row.kind === "money")));
}

export type UnitRegistry = z.infer<typeof registrySchema>;
export type RegistryUnit = UnitRegistry["units"][number];

/** Why one of the registry's own rules failed (the `why` of a custom issue's params). */
type RuleWhy = "unknown-form" | "lead-unknown" | "combine-key" | "period-key" | "cutoff" | "date" | "code-twice" | "name-twice";

/** The registry's own rules, in words, one entry per rule; zod's locales word the others. */
const RULE_WORDS: Record<Lang, Record<RuleWhy, (p: Record<string, unknown>) => string>> = {
  vi: {
    "unknown-form": () => `phải là một trong ${FORM_IDS.join(", ")}`,
    "lead-unknown": (p) => `không có đơn vị mã ${p.code} trong danh sách`,
    "combine-key": () => "phải là một biểu mẫu (BM1) hoặc một dòng số đếm của nó (BM1 4.2)",
    "period-key": () => "phải là một kỳ báo cáo viết như 2026-Q1, 2026-H1, 2026-Q3, 2026-Y",
    cutoff: () => "phải là hai ngày YYYY-MM-DD/YYYY-MM-DD, ngày đầu không sau ngày cuối (ví dụ 2026-01-01/2026-05-31)",
    date: () => "phải là một ngày có thật, viết YYYY-MM-DD (ví dụ 2026-06-04)",
    "code-twice": (p) => `mã ${p.code} được dùng cho hai đơn vị`,
    "name-twice": (p) => `"${p.name}" chỉ cả ${p.first} lẫn ${p.second}`,
  },
  en: {
    "unknown-form": () => `must be one of ${FORM_IDS.join(", ")}`,
    "lead-unknown": (p) => `no unit with code ${p.code} in the list`,
    "combine-key": () => "must be a form (BM1) or one of its count rows (BM1 4.2)",
    "period-key": () => "must be a report period written like 2026-Q1, 2026-H1, 2026-Q3, 2026-Y",
    cutoff: () => "must be two dates YYYY-MM-DD/YYYY-MM-DD, the first not after the second (e.g. 2026-01-01/2026-05-31)",
    date: () => "must be a real date written YYYY-MM-DD (e.g. 2026-06-04)",
    "code-twice": (p) => `code ${p.code} is used by two units`,
    "name-twice": (p) => `"${p.name}" names both ${p.first} and ${p.second}`,
  },
};

/** A custom issue's params in words, when they name one of the registry's rules. */
function ruleWords(params: Record<string, unknown>, lang: Lang): string | undefined {
  const table = RULE_WORDS[lang];
  return typeof params.why === "string" && Object.prototype.hasOwnProperty.call(table, params.why) ? table[params.why as RuleWhy](params) : undefined;
}
const ZOD_LOCALE = { vi: zodVietnamese().localeError, en: zodEnglish().localeError };

/** What one issue of registrySchema says, in the given language: the registry's own rules in its words, the others in zod's locale. */
export function registryIssueText(issue: z.core.$ZodRawIssue, lang: Lang): string {
  const said = (issue.code === "custom" ? ruleWords((issue.params as Record<string, unknown> | undefined) ?? {}, lang) : undefined) ?? ZOD_LOCALE[lang](issue);
  return typeof said === "string" ? said : (said?.message ?? "");
}

/** Checks a registry from a file; the issues come back as lines of text in the given language ("units.0.name: …"). */
export function parseRegistry(input: unknown, lang: Lang = "vi"): { ok: true; value: UnitRegistry } | { ok: false; issues: string[] } {
  const r = registrySchema.safeParse(input, { error: (issue) => registryIssueText(issue, lang) });
  const root = lang === "en" ? "(root)" : "(gốc)";
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: r.error.issues.map((i) => `${i.path.join(".") || root}: ${i.message}`) };
}
