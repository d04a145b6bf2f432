import {
  codeLegend,
  filesLike,
  joinParts,
  listOf,
  partValues,
  rowFigures,
  textByWhat,
  unitFigures,
  unitRows,
  unitsLike,
  periodWords,
  withoutFile,
  windowWords,
  changePercent,
} from "./writers";
import type { TextNotation } from "../read/number";
import type { FormulaMismatchKind } from "../validate/finding-params";
import type { Messages } from "./types";

/** The units a long list leaves unnamed (see NAMED_UNITS). */
const moreUnits = (n: (x: unknown) => string) => (rest: number) => `and ${n(rest)} other ${rest === 1 ? "unit" : "units"}`;

/** English, for the CLI's --lang en. */
export const en: Messages = {
  errors: {
    BAD_PERIOD: (e) => `Report period "${e.input}" is not valid. Accepted forms: ${e.accepted.replace("ví dụ", "e.g.")}.`,
    BAD_DATE: (e) => `Date "${e.input}" is not valid. Write dates as DD/MM/YYYY, e.g. 14/06/2026.`,
    BAD_WINDOW: (e) => `The cut-off window is not valid: it starts on ${e.from}, after its end ${e.to}.`,
    UNKNOWN_FORM: (e) => `There is no form "${e.input}". Forms: ${e.known}.`,
    UNKNOWN_COMMAND: (e) => `There is no command "${e.command}". Run "cchc --help" for the commands.`,
    UNKNOWN_OPTION: (e) => `There is no option "${e.option}". Run "cchc --help" for the options.`,
    MISSING_OPTION_VALUE: (e) => `Option ${e.option} needs a value.`,
    FILES_REQUIRED: () => `Name at least one .xlsx file, e.g.: cchc validate forms.xlsx`,
    TOO_MANY_FILES: (e) => `${e.count} files is more than the ${e.limit} allowed in one aggregation.`,
    REGISTRY_INVALID: (e) => `Unit list "${e.file}" is not valid: ${e.issues}`,
    OUTPUT_IS_INPUT: (e) => `Output file "${e.path}" is also an input; pick another name so no unit's file is overwritten.`,
    NO_PERIOD: () => "No file records its period; give it with --period, e.g. --period 2026-H1.",
    WARD_REQUIRED: () => 'No ward name to write on the report: add --ward "Phường …", or set "ward" in the ward\'s unit list (--units).',
    NO_USABLE_FILES: () => "No unit file could be used for the aggregation.",
    OUTPUT_REQUIRED: (e) =>
      `Name the output file with -o, e.g.: ${e.command === "aggregate" ? "cchc aggregate -o ward.xlsx units-folder/" : "cchc template -o forms.xlsx"}`,
    OUTPUT_NOT_XLSX: (e) => `Output file "${e.path}" must end in .xlsx.`,
    WRITE_FAILED: (e) => `Could not write "${e.path}": ${e.reason}. Check that the folder exists and is writable and that the file is not open in Excel.`,
    DISK_FULL: (e) => `The disk is full: could not write "${e.path}"; the previous file, if any, is unchanged. Free some space and run again.`,
    UNEXPECTED: (e) => `Something unexpected went wrong (${e.detail}). Please try again or tell your administrator.`,
    FILE_NOT_FOUND: (e) => `${e.file}: file not found.`,
    FILE_UNREADABLE: (e) => `${e.file}: cannot read the file (${e.reason}).`,
    FILE_EMPTY: (e) => `${e.file}: the file is empty (0 bytes).`,
    FILE_TOO_LARGE: (e) => `${e.file}: the file is too large (${Math.ceil(e.bytes / 1048576)} MB, at most ${e.limit / 1048576} MB).`,
    FILE_OLD_XLS: (e) => `${e.file}: this is an old Excel file (.xls); open it in Excel and save it as .xlsx.`,
    FILE_ENCRYPTED: (e) => `${e.file}: the workbook is password-protected; remove the password and send it again.`,
    FILE_NOT_XLSX: (e) =>
      e.looksLike === "word"
        ? `${e.file}: this is a Word file, not Excel; copy the appendix table into an Excel sheet and save it as .xlsx.`
        : `${e.file}: not an Excel .xlsx file${e.looksLike === "unknown" ? "" : ` (it looks like ${e.looksLike === "text" ? "plain text" : e.looksLike.toUpperCase()})`}.`,
    FILE_DAMAGED: (e) => `${e.file}: the .xlsx file is damaged and cannot be read (${e.detail}).`,
    FILE_CONTENT_TOO_LARGE: (e) => `${e.file}: the file's content is too large once unpacked (${e.detail}); it may be damaged or built to overload the reader.`,
    PERIOD_REQUIRED: (e) =>
      `${e.file}: the report period cannot be read from the sheet${e.dates ? ` (it only gives the date ${e.dates})` : ""}; give it with --period, e.g. --period 2026-H1.`,
  },
  findings: {
    SUM_MISMATCH: (p, n) =>
      p.partition
        ? {
            message: `This row (${n(p.value)}) must equal the sum of rows ${joinParts(p.parts.map((x) => x.stt))} = ${n(p.sum)}.`,
            suggestion: `Check rows ${joinParts(p.parts.map((x) => x.stt))} (${partValues(p.parts, n)}) and the total row.`,
          }
        : {
            message: `Total ${n(p.value)} does not equal the sum of rows ${joinParts(p.parts.map((x) => x.stt))} (${n(p.sum)}).`,
            suggestion: `Check rows ${joinParts(p.parts.map((x) => x.stt))}; the right total is ${n(p.sum)}.`,
          },
    RATIO_MISMATCH: (p, n) => {
      const where = p.where === "unit" ? `The ratio typed in the unit column (${p.raw})` : `Ratio ${n(p.value)}%`;
      return p.expected === null
        ? {
            message: `${where} has a value but ${p.d === null ? `row ${p.denominator} is blank` : p.d === 0 ? `row ${p.denominator} is 0` : `row ${p.numerator} is blank`}, so the ratio must be blank.`,
            suggestion: `Enter rows ${p.numerator} and ${p.denominator}; the ratio is computed by the formula.`,
          }
        : {
            message: `${where} does not match ${p.numerator} / ${p.denominator} × 100 = ${n(p.n)} / ${n(p.d)} × 100 = ${n(p.expected)}%.`,
            suggestion: `Use the ratio formula instead of a typed number; check rows ${p.numerator} and ${p.denominator}.`,
          };
    },
    FORMULA_MISMATCH: (p, n) => {
      const fix = p.formula ? `Enter the formula ${p.formula} again.` : "Enter the form's formula again.";
      const message: Record<FormulaMismatchKind, string> = {
        references: `Formula ${p.found} does not compute from the form's cells.`,
        different: `Formula ${p.found} does not compute what the form's formula does.`,
        missing: "This cell must hold a formula but is blank.",
        placeholder: `The cell holds the text "${p.found}" instead of a formula${typeof p.letters === "number" && typeof p.parts === "number" && p.letters > p.parts ? ` (it names ${p.letters} parts, the form lists ${p.parts})` : ""}.`,
        "typed-arithmetic": `The cell holds typed arithmetic "${p.found}" instead of a formula over the cells.`,
        constant: `The cell holds a typed value (${typeof p.found === "number" ? n(p.found) : p.found}) instead of a formula${
          p.computed === undefined
            ? ""
            : p.computed === null
              ? "; the numerator or denominator is missing, so the ratio cannot be computed"
              : `; its numerator and denominator give ${n(p.computed)} %`
        }.`,
      };
      return { message: message[p.kind], suggestion: fix };
    },
    PART_EXCEEDS_WHOLE: (p, n) => ({
      message: `${p.parts.length > 1 ? `Rows ${joinParts(p.parts)} together (${n(p.partValue)}) exceed` : `Row ${joinParts(p.parts)} (${n(p.partValue)}) exceeds`} row ${p.whole} (${n(p.wholeValue)}).`,
      suggestion: `A part cannot exceed its whole: check rows ${joinParts(p.parts)} and ${p.whole}.`,
    }),
    NOT_A_NUMBER: (p) => ({
      message: `"${p.raw}" is not a number.`,
      suggestion: "Enter a number (e.g. 1.234 or 12,5), or leave it blank if there is no figure yet.",
    }),
    NUMBER_AS_TEXT: (p, n) => {
      const how: Record<TextNotation, string> = {
        "vi-thousands": " (the dot separates thousands)",
        "vi-decimal": " (the comma is the decimal mark)",
        "en-decimal": " (the dot read as an English decimal point)",
        "en-full": " (English notation)",
        spaced: " (spaces separate thousands)",
        plain: "",
      };
      return {
        message: `A number typed as text: "${p.raw}", read as ${n(p.value)}${how[p.notation]}.`,
        suggestion: `Enter it as the number ${n(p.value)}.`,
      };
    },
    AMBIGUOUS_NUMBER: (p, n) => ({
      message: `"${p.raw}" reads as ${n(p.first)} (decimal comma) or ${n(p.second)} (thousands comma); not guessed.`,
      suggestion: `Enter it unambiguously: ${n(p.first)} or ${n(p.second)}.`,
    }),
    NOT_INTEGER: (p, n) => ({
      message: `A count must be a whole number; the cell holds ${n(p.value)}.`,
      suggestion:
        p.asThousands === null
          ? "Enter a whole number, without decimals."
          : `If this is ${n(p.asThousands)} (a thousands dot read as a decimal point), enter ${n(p.asThousands)}.`,
    }),
    NEGATIVE: (p, n) => ({ message: `The figure cannot be negative (${n(p.value)}).`, suggestion: "Enter a number from 0 up." }),
    OUT_OF_RANGE: (p, n) => ({
      message: `A percentage must be from ${n(p.min)} to ${n(p.max)}; the cell holds ${n(p.value)}.`,
      suggestion: "Enter a percentage from 0 to 100, not multiplied by 100.",
    }),
    INVALID_CODE: (p, n) => ({
      message: `Code ${n(p.value)} is not in the list (${codeLegend(p.codes, n)}).`,
      suggestion: `Pick a code from the list: ${codeLegend(p.codes, n)}.`,
    }),
    MISSING_VALUE: (p) =>
      p.scope === "form"
        ? { message: "The form has no figures yet.", suggestion: "If the unit is not responsible for this form, ignore this." }
        : { message: "No figure entered.", suggestion: "Enter the figure, or 0 if there was none." },
    UNIT_MISMATCH: (p) => ({
      message: p.found === "" ? `The unit cell is blank; the form says "${p.expected}".` : `Unit "${p.found}" differs from the form's ("${p.expected}").`,
      suggestion: `Change it back to "${p.expected}".`,
    }),
    CROSS_FORM_MISMATCH: (p, n) => ({
      message: `This row (${n(p.value)}) exceeds ${p.otherForm} row ${p.otherRow} (${n(p.otherValue)}).`,
      suggestion: `Check this row and ${p.otherForm} row ${p.otherRow}.`,
    }),
    STRUCTURE_CHANGED: (p) =>
      textByWhat(p, {
        header: (p) => [`Column heading "${p.found}" differs from the form's ("${p.label}").`, `Rename the column heading "${p.label}".`],
        "row-missing": (p) => [`Row STT ${p.stt} is missing.`, `Add row ${p.stt} back, or regenerate the form.`],
        "row-duplicate": (p) => [`Row STT ${p.stt} is repeated (first at sheet row ${p.first}).`, "Delete the repeated row; keep one row per STT."],
        "row-unknown": (p) => [`STT ${p.stt} is not in the form.`, "Check the STT; this row is not validated or aggregated."],
        "row-order": (p) => [`Rows are out of order: STT ${p.stt} stands where STT ${p.expectedStt} belongs.`, "Put the rows back in the form's STT order."],
        "form-duplicate": (p) => [`Sheet ${p.sheet} is the same form as sheet ${p.used}; only ${p.used} is checked.`, "Delete or rename the extra sheet."],
        "form-missing": (p) => [`Form sheet ${p.form} is missing.`, "Regenerate this sheet."],
        "table-not-found": (p) => [`No header row (STT | Chỉ tiêu thống kê | …) found on sheet ${p.sheet}.`, "Keep the form's header row."],
        "no-forms": () => ["No form sheet found (BM1 … BM7).", "Name the sheets after the forms (BM1 … BM7), or generate the forms."],
        "row-unmatched": (p) => [
          `Row "${p.text}"${p.stt ? ` (STT ${p.stt})` : ""}${p.value ? ` with the figure "${p.value}"` : ""} matches no indicator of the form.`,
          "Correct the indicator or its STT to the form's; this row's figure is not checked or aggregated.",
        ],
        "row-ambiguous": (p) => [
          `Row "${p.text}"${p.value ? ` (figure "${p.value}")` : ""} fits rows ${p.candidates.join(", ")} of the form equally well; not picked.`,
          `Write the STT or correct the indicator so it names one row (${p.candidates.join(", ")}); until then this figure is not used.`,
        ],
      }),
    PASTED_LAYOUT: (p) => ({
      message: `The form is read from a pasted table on sheet "${p.sheet}", row ${p.titleRow} ("${p.title}"): ${p.rows} rows; ${p.asText} figures typed as text are read in Vietnamese notation (dot for thousands, comma for decimals).`,
      suggestion: "Convert it to the standard form (the cchc import command) to get its formulas and input checks.",
    }),
    ROW_MATCHED_BY_TEXT: (p) => ({
      message: `Row "${p.text}" ${p.written ? `(STT written "${p.written}")` : "(no STT)"} is taken as row ${p.stt} of the form by its indicator text (${Math.round(p.score * 100)}% alike).`,
      suggestion: `Check that it is row ${p.stt}; write STT ${p.stt} on it.`,
    }),
    VALUE_RESOLVED: (p, n) => {
      if (p.basis === "arithmetic") {
        return {
          message: `The figure cell holds typed arithmetic "${p.raw}"; its result ${n(p.value)} is taken.`,
          suggestion: `Enter the number ${n(p.value)} instead of the arithmetic.`,
        };
      }
      const shown = p.source === "number" ? `The cell's number ${n(p.raw)}` : `"${p.raw}"`;
      const thousands = p.other !== null && p.value > p.other;
      const how =
        p.source === "number"
          ? " (a thousands dot that Excel took for a decimal point when pasting)"
          : thousands
            ? " (comma as thousands separator)"
            : " (decimal comma)";
      const mixed = p.mixedWith ? ` Mixed notation: another cell of the form writes "${p.mixedWith}" with a dot for thousands.` : "";
      if (p.basis === "kept") {
        return {
          message: `${shown} may be ${n(p.other)}${how}; it is kept as ${n(p.value)}, as no other figure of the form decides.`,
          suggestion: `Check it and enter it unambiguously: ${n(p.value)} or ${n(p.other)}.`,
        };
      }
      const why: Record<typeof p.basis, string> = {
        ratio: `only this reading matches the ratio "${p.shown ?? ""}" given in row ${p.ref}`,
        sum: p.shown
          ? `only this reading matches the total "${p.shown}" given in row ${p.ref}`
          : `only this reading makes row ${p.ref} equal the sum of its parts`,
        part: `the other reading breaks the part-within-whole rule of row ${p.ref}`,
        integer: "a count is a whole number (no other figure to confirm it)",
        range: "only this reading is within the row's limits (no other figure to confirm it)",
      };
      return {
        message: `${shown} is read as ${n(p.value)}${thousands || p.source !== "number" ? how : ""}, not ${n(p.other)}, as ${why[p.basis]}.${mixed}`,
        suggestion: `If right, enter the cell as ${n(p.value)}; if not, enter ${n(p.other)}.`,
      };
    },
    TITLE_MISMATCH: (p) =>
      textByWhat(p, {
        date: (p) => [
          `The sheet is dated ${p.found}, outside the report period ${p.expected}.`,
          "Check the date (the year) written on the document and the report period.",
        ],
        period: (p) => [
          `The sheet names the report period ${p.found} ("${p.text}"), not the period used (${p.expected}).`,
          `Check it; the standard file records ${p.expected}.`,
        ],
        unit: (p) => [`The sheet names the unit "${p.found}", not the unit used ("${p.expected}").`, `Check it; the standard file records "${p.expected}".`],
      }),
    UNIT_DUPLICATE: (p) => ({
      message: `${p.unit} sent ${p.count} files: ${listOf(p.files)}. Using the newest, ${p.used}.`,
      suggestion: "If that is not the final version, remove the older files and aggregate again.",
    }),
    UNIT_MISSING: (p) =>
      p.like.length > 0
        ? {
            message: `${p.unit} has not sent ${p.form}. A file names a unit that resembles it but is not counted as ${p.unit}: ${filesLike(p.like)}.`,
            suggestion: `If that is ${p.unit}, add "${p.like[0].name}" as an alias of ${p.code} in the unit list (--units) and aggregate again; if not, remind ${p.unit} to send ${p.form}.`,
          }
        : {
            message: `${p.unit} has not sent ${p.form}.`,
            suggestion: `Remind ${p.unit} to send ${p.form}; the ward's ${p.form} lacks this unit's part.`,
          },
    PERIOD_MISMATCH: (p) =>
      p.found === null
        ? {
            message: `The file records no period; its figures are still used for ${periodWords(p.expected, "en")}.`,
            suggestion: "Check that the file is for this period; forms made with Tạo biểu mẫu record it.",
          }
        : {
            message: `The file records the period ${periodWords(p.found, "en")}, not the one being aggregated (${periodWords(p.expected, "en")}); it is left out.`,
            suggestion: "Ask the unit to send the file for the right period.",
          },
    VALUES_CONFLICT: (p, n) =>
      p.kind === "above-lead"
        ? {
            message: `Other units' figures are above the lead unit ${p.used}'s (${n(p.value)}): ${unitFigures(p.values, n, moreUnits(n))}. The ward's figure is ${p.used}'s.`,
            suggestion: `A part cannot exceed the ward's whole: check with ${p.used} and these units, correct the wrong file and aggregate again.`,
          }
        : {
            message: `Units give different values: ${unitFigures(p.values, n, moreUnits(n))}. Using the lead unit ${p.used}'s (${n(p.value)}).`,
            suggestion: "Agree the figure with the units; this percentage cannot be added up across units.",
          },
    LEAD_MISSING: (p, n) =>
      p.why === "no-lead"
        ? {
            message: `No lead unit is set for this form, so the ward's figures are left blank; figures not used: ${unitRows(p.units, moreUnits(n))}.`,
            suggestion: p.percents
              ? "Set the form's lead in the ward's unit list (leads), then aggregate again; percentages cannot be added up across units."
              : "Set the form's lead in the ward's unit list (leads), or make the form summed over units (combine), then aggregate again.",
          }
        : p.why === "not-sent"
          ? {
              message: `The lead unit ${p.lead} has not sent this form, so the ward's figures are left blank; figures not used: ${unitRows(p.units, moreUnits(n))}.`,
              suggestion: `Ask ${p.lead} for its figures; other units' figures do not stand in for the lead's.`,
            }
          : {
              message: `The lead unit ${p.lead} left this row blank, so the ward's cell is blank; figures not used: ${unitFigures(p.units, n, moreUnits(n))}.`,
              suggestion: `Ask ${p.lead} for this row's figure (0 if nothing happened).`,
            },
    LEAD_REPEATED: (p) => ({
      message: `${p.unit} sent exactly the lead unit ${p.lead}'s figures on rows ${listOf(p.rows)}: the ward's own figures, not added again.`,
      suggestion: "Nothing to do; if they are the unit's own figures, make these rows summed over units in the ward's unit list.",
    }),
    DOUBLE_COUNT_SUSPECTED: (p, n) => ({
      message: `Possible double count: ${listOf(p.units)} each report ${n(p.value)}${p.also.length > 0 ? ` (and each report ${rowFigures(p.also, n)})` : ""}; the ward's figure adds all ${p.count} units up to ${n(p.total)}.`,
      suggestion:
        "If this is the ward's own figure that each unit copied, make the row taken from the lead unit (combine) or ask the units to report only their own part, then aggregate again.",
    }),
    CUTOFF_MISMATCH: (p) => ({
      message: `The file records the cut-off ${windowWords(p.found, "en")}, not the ward's for ${periodWords(p.period, "en")} (${windowWords(p.expected, "en")}): the unit may have used an old template.`,
      suggestion: `Ask the unit to check that its figures are as of ${windowWords(p.expected, "en")}; next time, make the template from the ward's unit list so that the dates are right.`,
    }),
    CUMULATIVE_DECREASED: (p, n) => ({
      message: `A cumulative figure fell since the earlier period: ${periodWords(p.period, "en")}: ${n(p.value)} < ${periodWords(p.previousPeriod, "en")}: ${n(p.previous)}.`,
      suggestion:
        "A figure cumulative from the start of the year cannot be below an earlier period's of the same year: check this period's figure (it may hold the period's own figure only) or the one reported before.",
    }),
    STOCK_CHANGED: (p, n) => ({
      message: `A figure as of the report date changed a lot: ${periodWords(p.period, "en")}: ${n(p.value)}, ${periodWords(p.previousPeriod, "en")}: ${n(p.previous)} (${changePercent(p.change, n)}).`,
      suggestion: "If it is right, give the reason in the report (Ghi chú column); if not, check the figure.",
    }),
    PREVIOUS_NOT_COMPARABLE: (p) => {
      const period = periodWords(p.period, "en");
      const before = periodWords(p.previousPeriod, "en");
      switch (p.why) {
        case "other-unit":
          return {
            message: `The earlier file ${p.file} is ${p.previousUnit ?? "another unit"}'s, not ${p.unit ?? "this unit"}'s: nothing compared.`,
            suggestion: "Choose the same unit's earlier file (when aggregating: the ward's earlier consolidated file).",
          };
        case "not-earlier":
          return {
            message: `The earlier file ${p.file} is for ${before}, neither an earlier period of the same year as ${period} nor the same period a year before: nothing compared.`,
            suggestion: "Choose a file of an earlier period of the same year (Q1 for the first half) or of the same period a year before.",
          };
        case "no-period":
          return {
            message: `The report period of ${p.previousPeriod === null ? `the earlier file ${p.file}` : "the file checked"} is not known: nothing compared.`,
            suggestion: 'Use a file made by the product (it records its period) or one with a "Kỳ báo cáo: …" line.',
          };
        case "no-forms":
          return {
            message: `The earlier file ${p.file} has no form that can be read: nothing compared.`,
            suggestion: "Check that it is the right earlier report.",
          };
      }
    },
    UNKNOWN_UNIT: (p) =>
      p.like.length > 1
        ? {
            message: `Unit "${p.unit}" is not in the ward's list of units: it is close to both ${unitsLike(p.like)}, so it is counted as neither; its figures are added only to rows summed over units, never in place of a lead unit's.`,
            suggestion: `Fix the unit name in the file to one unit's name, or add "${p.unit}" as an alias of the right unit in the unit list (--units).`,
          }
        : p.like.length === 1
          ? {
              message: `Unit "${p.unit}" is not in the ward's list of units; it resembles ${unitsLike(p.like)}, but not closely enough to be taken for it. Its figures are added only to rows summed over units, never in place of a lead unit's.`,
              suggestion: `If it is ${unitsLike(p.like)}, add "${p.unit}" as an alias of ${p.like[0].code} in the unit list (--units) and aggregate again; if not, add the unit to the list or fix the unit name in the file.`,
            }
          : {
              message: `Unit "${p.unit}" is not in the ward's list of units; its figures are added only to rows summed over units, never in place of a lead unit's.`,
              suggestion: "Add the unit (or another name for it) to the unit list (--units), or fix the unit name in the file.",
            },
    UNIT_MATCHED_BY_TEXT: (p) => ({
      message: `Unit name "${p.name}" is not in the ward's list of units but is close to ${p.unit} (${p.code}): the file is counted as ${p.unit}'s.`,
      suggestion: `If that is right, add "${p.name}" as an alias of ${p.code} in the unit list (--units); if not, fix the unit name in the file and aggregate again.`,
    }),
  },
  severity: { error: "Error", warning: "Warning", info: "Note" },
  blank: "(blank)",
  cli: {
    help: [
      "cchc – administrative-reform (CCHC) statistical forms",
      "",
      "Usage:",
      '  cchc template [--unit "Unit name"] [--period 2026-H1] [--forms BM1,BM4] [--units units.json] -o FILE.xlsx',
      "      Generate forms BM1–BM7 for a unit to fill.",
      "      --period    report period: YEAR-Q1, YEAR-H1, YEAR-Q3, YEAR-Y (default: the current half-year)",
      "      --cutoff    the ward's own cut-off window, e.g. 01/01/2026-31/05/2026",
      "      --deadline  the units' deadline, e.g. 04/06/2026",
      "      --forms     only these forms (default: all)",
      "      --units     the ward's list of units (as cchc aggregate takes): warns when --unit is not in it",
      "",
      "  cchc validate FILE.xlsx|FOLDER... [--json] [--previous EARLIER.xlsx] [--report REPORT.xlsx]",
      "      Check the figures, formulas, units and structure of each form.",
      "      --previous  the same unit's earlier file: cumulative figures must not fall, stocks moving by over a third are noted",
      "      --report    write the Phiếu kiểm tra (one sheet per file, printable on A4) to send back to the unit",
      "      Exit code: 0 no error (warnings allowed), 1 errors found, 2 a file could not be read.",
      "",
      '  cchc import FILE.xlsx [-o STANDARD.xlsx] [--unit "Unit name"] [--period 2026-H1] [--json]',
      "      Read Phụ lục 3 pasted from Word (all forms in one sheet) and write it as the standard forms BM1–BM7.",
      "      Unit and period come from the sheet when it gives them; --unit, --period override. Default -o FILE-chuan.xlsx.",
      "      Exit code as cchc validate: 0 no error, 1 errors found (the standard file is still written), 2 a file could not be read or written.",
      "",
      '  cchc aggregate -o WARD.xlsx [--period 2026-H1] [--ward "Phường …"] [--units units.json] [--json] [--strict] FILE|FOLDER...',
      "      Consolidate the units' workbooks into the ward's forms, with the provenance of every figure.",
      "      Prints who has sent: on time, late, not sent (deadlines from the `periods` of --units).",
      "      Files in a folder that are not .xlsx (Word, PDF, photos, .xls) are listed against their unit, never skipped.",
      "      --previous  the ward's earlier report: cumulative figures checked, columns Kỳ trước and Thay đổi added",
      "      --feedback  FOLDER: write a Phiếu kiểm tra for each unit with findings (one file per unit)",
      "      Exit code: 0 written; 1 a file holds no form, --strict with errors, or no usable file; 2 a file could not be read or written.",
      "",
      "Common options:",
      "  --lang en     messages in English",
      "  -h, --help    this help",
    ].join("\n"),
    templateWritten: (a) => `Wrote ${a.path}: ${a.forms} – ${a.unit}, ${a.period} (${a.ms} ms).`,
    templateUnitNotListed: (a) =>
      a.matched
        ? `Warning: "${a.unit}" is not in the ward's list of units; aggregation will read it as ${a.matched}. Use the name in the list, or add this one as an alias.`
        : `Warning: "${a.unit}" is not in the ward's list of units${a.like.length > 0 ? `; it only resembles ${a.like.join("; ")}` : ""}; aggregation will report the file as an unknown unit (UNKNOWN_UNIT).`,
    workbookLevel: "Whole workbook",
    noFindings: "No problems found.",
    findingCounts: (c) => `Total: ${c.error} errors, ${c.warning} warnings, ${c.info} notes.`,
    errorPrefix: "Error",
    aggregateHeading: (ward, period) => `Aggregating ${ward}, ${period}:`,
    fileStatus: (f) => {
      const status: Record<string, string> = {
        used: "used",
        replaced: `not used, a newer file was sent: ${f.detail ?? ""}`,
        "wrong-period": `not used, another period (${f.periodId ? periodWords(f.periodId, "en") : "?"})`,
        "no-forms": `not used, no form in it: ${f.detail ?? ""}`,
        unreadable: f.detail ? `cannot be read: ${withoutFile(f.detail, f.file)}` : "cannot be read",
      };
      const counts = f.status === "unreadable" ? "" : ` – ${f.errors} errors, ${f.warnings} warnings`;
      return f.status === "unreadable" ? `${f.file}: ${status.unreadable}` : `${f.file}: ${f.unitName || "?"} – ${status[f.status] ?? f.status}${counts}`;
    },
    importWritten: (a) => `Wrote the standard forms ${a.path}: ${a.forms} – ${a.unit}, ${a.period}.`,
    importNothing: "No form found to convert; nothing written.",
    reportWritten: (a) => `Wrote the Phiếu kiểm tra ${a.path} (${a.sheets} sheet${a.sheets === 1 ? "" : "s"}).`,
    feedbackWritten: (a) => `Wrote ${a.path}: ${a.unit}, ${a.findings} issue${a.findings === 1 ? "" : "s"}.`,
    aggregateWritten: (output, c) => `Wrote ${output} (${c.error} errors, ${c.warning} warnings, ${c.info} notes; see the "Kết quả tổng hợp" sheet).`,
    formModes: (forms) =>
      `Combined: ${forms.map((f) => `${f.form} ${f.mode === "sum" ? "summed over units" : f.mode === "mixed" ? `from ${f.lead ?? "(no lead unit)"}, some rows summed` : `from ${f.lead ?? "(no lead unit)"}`}`).join("; ")}.`,
    wardFindingsHeading: "The ward's figures and the aggregation:",
    moreErrors: (more, file) => `… and ${more} more errors: see them with cchc validate "${file}"`,
    findingPlace: (cell, units) => [cell ? `cell ${cell}` : "", units.length > 0 ? `units: ${units.join(", ")}` : ""].filter(Boolean).join("; "),
  },
};
