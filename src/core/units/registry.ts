import { z } from "zod";
import zodEnglish from "zod/v4/locales/en.cjs";
import zodVietnamese from "zod/v4/locales/vi.cjs";
import { FORM_IDS } from "../forms/catalogue";
import type { Lang } from "../messages/types";
import { foldText, memoText } from "../read/text";
import defaultRegistry from "./registry.json";

/** Folds a unit name for matching: accents, case and punctuation do not matter. */
const foldUnit = memoText((s) => foldText(s).replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim());

/** A ward's units (phòng ban): who they are, what they are called, which forms they answer for. */
export const registrySchema = z
  .object({
    /** the ward or commune, written on the consolidated report */
    ward: z.string().min(1).max(200),
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
  })
  .strict()
  .superRefine((r, ctx) => {
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

export type UnitRegistry = z.infer<typeof registrySchema>;
export type RegistryUnit = UnitRegistry["units"][number];

/** The default split of seed 000 (phường Ái Quốc), with the units of DOMAIN.md. */
export const DEFAULT_REGISTRY: UnitRegistry = registrySchema.parse(defaultRegistry);

/** The registry's own rules, in words; zod's locales word the others. */
const RULE_WORDS: Record<Lang, (p: Record<string, unknown>) => string | undefined> = {
  vi: (p) =>
    p.why === "unknown-form" ? `phải là một trong ${FORM_IDS.join(", ")}` : p.why === "code-twice" ? `mã ${p.code} được dùng cho hai đơn vị` : p.why === "name-twice" ? `"${p.name}" chỉ cả ${p.first} lẫn ${p.second}` : undefined,
  en: (p) =>
    p.why === "unknown-form" ? `must be one of ${FORM_IDS.join(", ")}` : p.why === "code-twice" ? `code ${p.code} is used by two units` : p.why === "name-twice" ? `"${p.name}" names both ${p.first} and ${p.second}` : undefined,
};
const ZOD_LOCALE = { vi: zodVietnamese().localeError, en: zodEnglish().localeError };

/** Checks a registry from a file; the issues come back as lines of text in the given language ("units.0.name: …"). */
export function parseRegistry(input: unknown, lang: Lang = "vi"): { ok: true; value: UnitRegistry } | { ok: false; issues: string[] } {
  const r = registrySchema.safeParse(input, {
    error: (issue) => (issue.code === "custom" ? RULE_WORDS[lang](issue.params ?? {}) : undefined) ?? ZOD_LOCALE[lang](issue),
  });
  const root = lang === "en" ? "(root)" : "(gốc)";
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: r.error.issues.map((i) => `${i.path.join(".") || root}: ${i.message}`) };
}

/** Each registry's units by folded code, name and alias (the first unit to claim a key keeps it, as a search in order would find it). */
const unitsByKey = new WeakMap<UnitRegistry, Map<string, RegistryUnit>>();

/** The registry unit a name refers to (its code, name or an alias), or undefined. */
export function matchUnitName(registry: UnitRegistry, name: string): RegistryUnit | undefined {
  const key = foldUnit(name);
  if (!key) return undefined;
  let byKey = unitsByKey.get(registry);
  if (!byKey) {
    byKey = new Map();
    for (const u of registry.units) for (const n of [u.code, u.name, ...u.aliases]) if (!byKey.has(foldUnit(n))) byKey.set(foldUnit(n), u);
    unitsByKey.set(registry, byKey);
  }
  return byKey.get(key);
}

/** The registry unit a file name points at ("bao-cao-vhxh-6t.xlsx" → VHXH), when exactly one matches. */
export function matchUnitInFileName(registry: UnitRegistry, fileName: string): RegistryUnit | undefined {
  const base = foldUnit(fileName.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "").replace(/[_.-]+/g, " "));
  const words = ` ${base} `;
  const hits = registry.units.filter((u) => [u.code, u.name, ...u.aliases].some((n) => {
    const k = foldUnit(n);
    return k.length >= 2 && words.includes(` ${k} `);
  }));
  return hits.length === 1 ? hits[0] : undefined;
}
