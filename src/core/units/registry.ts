import type { RegistryUnit, UnitRegistry } from "./registry-schema";
import { foldUnit } from "./fold-unit";
import defaultRegistry from "./registry.json";

export { COMBINE_MODES, type CombineMode } from "./combine-modes";
export type { RegistryUnit, UnitRegistry } from "./registry-schema";

/** The default split of seed 000 (phường Ái Quốc), with the units of DOMAIN.md. */
// As shipped, its defaults written out: registry.test.ts checks that the schema makes of it exactly this.
export const DEFAULT_REGISTRY: UnitRegistry = defaultRegistry as unknown as UnitRegistry;

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
  const base = foldUnit(
    fileName
      .replace(/^.*[\\/]/, "")
      .replace(/\.[a-z0-9]{1,5}$/i, "")
      .replace(/[_.-]+/g, " "),
  );
  const words = ` ${base} `;
  const hits = registry.units.filter((u) =>
    [u.code, u.name, ...u.aliases].some((n) => {
      const k = foldUnit(n);
      return k.length >= 2 && words.includes(` ${k} `);
    }),
  );
  return hits.length === 1 ? hits[0] : undefined;
}
