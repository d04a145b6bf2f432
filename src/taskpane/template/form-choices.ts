import type { Form } from "../../core/forms/schema";
import type { UiLang } from "../strings";
import catalogueData from "../../core/forms/catalogue.json";

/** A form as the Tạo biểu mẫu view offers it: its id and titles, nothing of its rows. */
export type FormChoice = Pick<Form, "id" | "title" | "titleEn">;

/**
 * The forms the view lists, in catalogue order, read straight from the
 * catalogue's data (the same data core/forms/catalogue serves, which the
 * tests check with zod). The rules and rows come with the plan builder when
 * the officer clicks Tạo biểu mẫu: labels alone are all the first load needs.
 */
export const FORM_CHOICES: readonly FormChoice[] = catalogueData.forms;

/** Form ids in catalogue order: BM1 … BM7. */
export const FORM_CHOICE_IDS: readonly string[] = FORM_CHOICES.map((f) => f.id);

/** A form's title in the pane's language, as core/forms/catalogue's formTitle gives it. */
export const choiceTitle = (form: FormChoice, lang: UiLang): string => (lang === "en" ? (form.titleEn ?? form.title) : form.title);
