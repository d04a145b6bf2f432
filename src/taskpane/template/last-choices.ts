import type { Host } from "../../adapters/host/types";
import { MAX_UNIT_NAME } from "../../core/layout/unit-name";

/** What Tạo biểu mẫu starts from: the unit and period it was last used with. */
export interface LastChoices {
  unit: string;
  /** a period id ("2026-H1"); the view keeps it only if it is among the periods offered */
  period: string;
}

/**
 * The choices the host remembers, checked: undefined when there are none, or
 * what is there is not such choices (a hand-edited entry, another version's),
 * or the host cannot read them. Never throws: the view then starts as new.
 */
export async function recallChoices(host: Host): Promise<LastChoices | undefined> {
  try {
    const text = await host.loadChoices?.();
    if (!text) return undefined;
    const read: unknown = JSON.parse(text);
    if (typeof read !== "object" || read === null) return undefined;
    const { unit, period } = read as Record<string, unknown>;
    if (typeof unit !== "string" || typeof period !== "string") return undefined;
    return { unit: unit.trim().slice(0, MAX_UNIT_NAME), period };
  } catch (error) {
    console.warn("Biểu mẫu CCHC: the last choices could not be read", error);
    return undefined;
  }
}

/** Remembers the choices forms were just made with, where the host keeps them apart from the forms (the browser); never throws. */
export async function rememberChoices(host: Host, choices: LastChoices): Promise<void> {
  try {
    await host.saveChoices?.(JSON.stringify({ unit: choices.unit.trim(), period: choices.period }));
  } catch (error) {
    // A browser whose storage is full or blocked still made the forms.
    console.warn("Biểu mẫu CCHC: the choices could not be remembered", error);
  }
}
