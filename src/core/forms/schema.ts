import { z } from "zod";

import { ROW_KINDS } from "./kinds";

export { ROW_KINDS, INPUT_KINDS, isInputKind, type RowKind } from "./kinds";

const stt = z.string().regex(/^\d+(\.\d+)*$/, "STT phải có dạng 1, 2.1, 2.1.3");
const formId = z.string().regex(/^BM\d+$/, "Mã biểu mẫu phải có dạng BM1");

const codeOption = z.object({ value: z.number().int().nonnegative(), label: z.string().min(1) });

/**
 * One row of a form. Rules sit on the row they constrain, so adding a row is
 * one edit: the generator, validator and aggregator all read these fields.
 */
export const formRowSchema = z
  .object({
    stt,
    indicator: z.string().min(1),
    /** Đơn vị tính exactly as printed (for codes, the legend of the codes). */
    unit: z.string(),
    kind: z.enum(ROW_KINDS),
    /** ratio: value = numerator / denominator × 100. */
    numerator: stt.optional(),
    denominator: stt.optional(),
    /** total: value = sum of these rows (a formula in the generated sheet); BM2 1 has a single part. */
    sumOf: z.array(stt).min(1).optional(),
    /** an input that must equal the sum of these rows (a partition, e.g. BM6 2.1). */
    equalsSumOf: z.array(stt).min(2).optional(),
    /** this row ≤ that row of the same form (a part within its whole). */
    atMost: stt.optional(),
    /** the sum of these rows ≤ this row (e.g. BM1 4.1.1 + 4.1.2 + 4.1.3 ≤ 4.1). */
    partsAtMost: z.array(stt).min(2).optional(),
    /** this row ≤ a row of another form, checked when both forms are present. */
    atMostRowOf: z.object({ form: formId, stt }).optional(),
    /** severity of a broken "≤" rule; most are errors, staffing counts are warnings. */
    atMostSeverity: z.enum(["error", "warning"]).optional(),
    codes: z.array(codeOption).min(2).optional(),
    /**
     * a code row's own rule for the ward's value (DOMAIN.md, "How a ward aggregates"): "any" unit's 1
     * makes it 1, "survey" combines different forms into 2. Counts and percents follow the ward's setup.
     */
    combine: z.enum(["any", "survey"]).optional(),
    /** "lũy kế": must not decrease from one period to a later one of the same year (DOMAIN.md, "Cumulative rows"). */
    cumulative: z.boolean().optional(),
    /** "tại thời điểm báo cáo": a stock that may go up or down; a large change since the earlier period is worth a note. */
    stock: z.boolean().optional(),
  })
  .strict();

export const formSchema = z
  .object({
    id: formId,
    number: z.number().int().positive(),
    title: z.string().min(1),
    /** the title in English, for the English pane and CLI; absent: the Vietnamese title is shown */
    titleEn: z.string().min(1).optional(),
    rows: z.array(formRowSchema).min(1),
  })
  .strict();

export const catalogueSchema = z
  .object({
    version: z.string().min(1),
    forms: z.array(formSchema).min(1),
  })
  .strict()
  .superRefine((cat, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const sttByForm = new Map<string, Map<string, z.infer<typeof formRowSchema>>>();
    cat.forms.forEach((form, fi) => {
      if (form.id !== `BM${form.number}`) issue(["forms", fi, "id"], `${form.id} phải là BM${form.number}`);
      const rows = new Map<string, z.infer<typeof formRowSchema>>();
      form.rows.forEach((row, ri) => {
        if (rows.has(row.stt)) issue(["forms", fi, "rows", ri, "stt"], `${form.id}: STT ${row.stt} bị trùng`);
        rows.set(row.stt, row);
      });
      if (sttByForm.has(form.id)) issue(["forms", fi, "id"], `${form.id} bị trùng`);
      sttByForm.set(form.id, rows);
    });
    cat.forms.forEach((form, fi) => {
      const rows = sttByForm.get(form.id)!;
      form.rows.forEach((row, ri) => {
        const at = (field: string) => ["forms", fi, "rows", ri, field];
        const where = `${form.id} ${row.stt}`;
        const mustBeNumeric = (field: string, ref: string) => {
          const target = rows.get(ref);
          if (!target) issue(at(field), `${where}: tham chiếu STT ${ref} không có trong ${form.id}`);
          else if (target.kind === "header" || target.kind === "code") issue(at(field), `${where}: STT ${ref} không phải dòng số liệu`);
          if (ref === row.stt) issue(at(field), `${where}: không được tự tham chiếu`);
        };
        if (row.kind === "ratio") {
          if (!row.numerator || !row.denominator) issue(at("kind"), `${where}: dòng tỷ lệ cần numerator và denominator`);
          if (row.unit !== "%") issue(at("unit"), `${where}: dòng tỷ lệ có đơn vị %`);
        } else if (row.numerator || row.denominator) {
          issue(at("numerator"), `${where}: chỉ dòng tỷ lệ có numerator/denominator`);
        }
        if (row.kind === "total" && !row.sumOf) issue(at("kind"), `${where}: dòng tổng cần sumOf`);
        if (row.kind !== "total" && row.sumOf) issue(at("sumOf"), `${where}: chỉ dòng tổng có sumOf`);
        if (row.kind === "code" && !row.codes) issue(at("codes"), `${where}: dòng mã cần danh sách codes`);
        if (row.kind !== "code" && row.codes) issue(at("codes"), `${where}: chỉ dòng mã có codes`);
        if (row.kind !== "code" && row.combine) issue(at("combine"), `${where}: chỉ dòng mã có combine`);
        if (row.cumulative && row.stock) issue(at("stock"), `${where}: một dòng là lũy kế hoặc tại thời điểm báo cáo, không thể cả hai`);
        if ((row.cumulative || row.stock) && (row.kind === "header" || row.kind === "code" || row.kind === "percent"))
          issue(at(row.stock ? "stock" : "cumulative"), `${where}: chỉ dòng số đếm, số tiền, tổng hay tỷ lệ mới so với kỳ trước`);
        if (row.kind === "header" && (row.atMost || row.partsAtMost || row.equalsSumOf || row.atMostRowOf))
          issue(at("kind"), `${where}: dòng tiêu đề không có quy tắc`);
        if (row.numerator) mustBeNumeric("numerator", row.numerator);
        if (row.denominator) mustBeNumeric("denominator", row.denominator);
        row.sumOf?.forEach((s) => mustBeNumeric("sumOf", s));
        row.equalsSumOf?.forEach((s) => mustBeNumeric("equalsSumOf", s));
        row.partsAtMost?.forEach((s) => mustBeNumeric("partsAtMost", s));
        if (row.atMost) mustBeNumeric("atMost", row.atMost);
        if (row.atMostRowOf) {
          const other = sttByForm.get(row.atMostRowOf.form)?.get(row.atMostRowOf.stt);
          if (!other) issue(at("atMostRowOf"), `${where}: không có ${row.atMostRowOf.form} ${row.atMostRowOf.stt}`);
        }
      });
    });
  });

export type FormRow = z.infer<typeof formRowSchema>;
export type Form = z.infer<typeof formSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
/** What a catalogue author writes; checked by {@link catalogueSchema} before use. */
export type CatalogueInput = z.input<typeof catalogueSchema>;
