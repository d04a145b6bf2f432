import type { Lang } from "../messages/types";
import catalogueData from "./catalogue.json";
import { catalogueSchema, type Catalogue, type Form, type FormRow, type CatalogueInput } from "./schema";

/** Checks a catalogue against the schema; throws with every problem listed (a catalogue bug, not user input). */
export function loadCatalogue(input: CatalogueInput | unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Danh mục biểu mẫu không hợp lệ:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The standard catalogue of Biểu mẫu 1–7 (Phụ lục 3), checked once at load. */
export const CATALOGUE: Catalogue = loadCatalogue(catalogueData);

/** Form ids in catalogue order: BM1 … BM7. */
export const FORM_IDS: readonly string[] = CATALOGUE.forms.map((f) => f.id);

/** The form with this id, or undefined. */
export function findForm(id: string, catalogue: Catalogue = CATALOGUE): Form | undefined {
  return catalogue.forms.find((f) => f.id === id);
}

/** A form's title in a language: the English one when there is one, else the Vietnamese (as printed on the form). */
export function formTitle(form: Pick<Form, "title" | "titleEn">, lang: Lang): string {
  return lang === "en" ? (form.titleEn ?? form.title) : form.title;
}

/** The row with this STT in a form, or undefined. */
export function findRow(form: Form, stt: string): FormRow | undefined {
  return form.rows.find((r) => r.stt === stt);
}
