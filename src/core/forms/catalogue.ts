import type { Lang } from "../messages/types";
import catalogueData from "./catalogue.json";
import type { Catalogue, Form, FormRow } from "./schema";

/**
 * The standard catalogue of Biểu mẫu 1–7 (Phụ lục 3): the data as shipped.
 * It is checked against the schema by the tests (catalogue.test.ts: what
 * loadCatalogue makes of it is this very value), not at every start: zod
 * alone took 60–85 ms to load, most of `cchc validate`'s own time.
 */
export const CATALOGUE: Catalogue = catalogueData as unknown as Catalogue;

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
