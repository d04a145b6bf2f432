import { catalogueSchema, type Catalogue, type CatalogueInput } from "./schema";

/** Checks a catalogue against the schema; throws with every problem listed (a catalogue bug, not user input). */
export function loadCatalogue(input: CatalogueInput | unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Danh mục biểu mẫu không hợp lệ:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
