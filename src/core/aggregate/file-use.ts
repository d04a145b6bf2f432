import type { FileError } from "../errors";
import type { RawFinding } from "../validate/finding";

/** What happened to each file. */
export interface FileUse {
  file: string;
  /** last change of the file (ms since 1970), when known: when it was sent, for the submissions board */
  modified?: number;
  /** the forms it has figures for */
  forms?: string[];
  unitName: string;
  unitCode?: string;
  periodId?: string;
  status: "used" | "replaced" | "wrong-period" | "no-forms" | "unreadable";
  /** for "replaced": the file used instead */
  usedInstead?: string;
  /** for "no-forms": why no form was found, as findings (worded where shown: `fileUseDetail`) */
  noForms?: RawFinding[];
  /** for "unreadable": why the file could not be read */
  error?: FileError;
  errors: number;
  warnings: number;
}
