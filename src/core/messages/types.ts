import type { AppError, AppErrorCode } from "../errors";
import type { FindingCode, FindingParamsOf, RawFindingOf } from "../validate/finding";

/** Text of one finding: what is wrong and what to do about it. */
export interface FindingText {
  message: string;
  suggestion: string;
}

/** Builds the text of a finding of code C; `n` writes a number in the language's notation, `p` holds the rule's values for that code. */
export type FindingWriter<C extends FindingCode> = (p: FindingParamsOf<C>, n: (x: unknown) => string, f: RawFindingOf<C>) => FindingText;

/** One writer per code: a writer reading a param its code does not have is a compile error. */
export type FindingWriters = { [C in FindingCode]: FindingWriter<C> };

/** A table of [message, suggestion] per kind of a finding whose params are a union on `what` (STRUCTURE_CHANGED, TITLE_MISMATCH), each kind seeing its own params. */
export type TextsByWhat<P extends { what: string }> = { [W in P["what"]]: (p: Extract<P, { what: W }>) => [string, string] };

export type Lang = "vi" | "en";

/** One message table per language; the type makes every language cover every code. */
export interface Messages {
  errors: { [C in AppErrorCode]: (e: Extract<AppError, { code: C }>) => string };
  findings: FindingWriters;
  severity: { error: string; warning: string; info: string };
  /** how a blank value is shown in expected/actual */
  blank: string;
  cli: {
    help: string;
    templateWritten: (a: { path: string; forms: string; unit: string; period: string; ms: number }) => string;
    /** --unit is not a name of the setup (--units): the unit it will be read as, or those it resembles */
    templateUnitNotListed: (a: { unit: string; matched?: string; like: string[] }) => string;
    errorPrefix: string;
    workbookLevel: string;
    noFindings: string;
    findingCounts: (c: { error: number; warning: number; info: number }) => string;
    aggregateHeading: (ward: string, period: string) => string;
    fileStatus: (f: { file: string; unitName: string; periodId?: string; status: string; detail?: string; errors: number; warnings: number }) => string;
    aggregateWritten: (output: string, c: { error: number; warning: number; info: number }) => string;
    /** how each form was combined: "BM1 cộng các đơn vị", "BM6 theo KT" */
    formModes: (forms: { form: string; mode: string; lead?: string }[]) => string;
    /** the heading of the findings on the ward's own figures and on the aggregation */
    wardFindingsHeading: string;
    /** "(ô BM6!D12; đơn vị: VHXH, KT)" after a ward finding */
    findingPlace: (cell: string | null, units: string[]) => string;
    /** after a unit file's first errors: how many more, and the command that lists them all */
    moreErrors: (more: number, file: string) => string;
    importWritten: (a: { path: string; forms: string; unit: string; period: string }) => string;
    /** `cchc validate --report`: the Phiếu kiểm tra written, one sheet per file */
    reportWritten: (a: { path: string; sheets: number }) => string;
    /** `cchc aggregate --feedback`: one line per unit's Phiếu kiểm tra written */
    feedbackWritten: (a: { path: string; unit: string; findings: number }) => string;
    importNothing: string;
  };
}
