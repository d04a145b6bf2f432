/**
 * Protection that stands in the way of a write, said before anything is touched.
 *
 * What Office.js lets an add-in know (ExcelApi 1.2/1.7): worksheet.protection
 * .protected and .options, workbook.protection.protected. Whether a sheet has a
 * password is only readable in Excel on the web (isPasswordProtected,
 * ExcelApiOnline 1.1), so it is learnt the way Excel says it: unprotect()
 * without the password is refused. The sheets the add-in protects itself have
 * no password, so a sheet whose unprotect() is refused is the officer's. Every
 * writer therefore unprotects all the sheets it needs first in its write sync,
 * before any other change, and a refusal leaves the workbook as it was (the
 * sheets already unprotected are protected again with their own options).
 */

/** Error code of a sheet the add-in could not unprotect (a password the officer set). */
export const SHEET_PASSWORD_CODE = "SheetPasswordProtected";
/** Error code of a workbook whose structure is protected (sheets cannot be added, renamed or deleted). */
export const STRUCTURE_PROTECTED_CODE = "WorkbookStructureProtected";

/** A sheet protected with a password stands in the way; nothing was changed. */
export class SheetPasswordError extends Error {
  override readonly name = "SheetPasswordError";
  readonly code = SHEET_PASSWORD_CODE;
  constructor(
    /** the sheet's name as Excel shows it */
    readonly sheet: string,
    /** what Excel answered to unprotect(), for the console */
    cause?: unknown,
  ) {
    super(`The sheet ${sheet} is protected with a password; nothing was changed.`, { cause });
  }
}

/** The workbook's structure is protected and the action would add, rename or delete sheets; nothing was changed. */
export class StructureProtectedError extends Error {
  override readonly name = "StructureProtectedError";
  readonly code = STRUCTURE_PROTECTED_CODE;
  constructor() {
    super("The workbook's structure is protected (sheets cannot be added, renamed or deleted); nothing was changed.");
  }
}

/** Queues the read of the workbook's structure protection (ExcelApi 1.7), for the first sync of an action. */
export function loadStructureProtection(context: Excel.RequestContext): Excel.WorkbookProtection {
  return context.workbook.protection.load("protected");
}

/** Throws StructureProtectedError when the loaded structure protection is on. */
export function refuseIfStructureProtected(structure: Excel.WorkbookProtection): void {
  if (structure.protected) throw new StructureProtectedError();
}

/**
 * After a write sync that began by unprotecting `unlocked` (in that order)
 * failed: which of them are protected now (one sync), and, when the failure
 * was one of those unprotect() calls, the sheet that refused. Office.js stops
 * a batch at its first failing operation, so a refusal at sheet k leaves
 * sheets before k unprotected and k onwards protected: the last one still
 * protected tells it apart from a failure later in the batch (then the last
 * one is unprotected, or protected again with every one before it).
 */
export async function protectionAfterFailure(
  context: Excel.RequestContext,
  unlocked: readonly string[],
  error: unknown,
): Promise<{ protectedNow: boolean[]; refused?: string }> {
  if (unlocked.length === 0) return { protectedNow: [] };
  const worksheets = context.workbook.worksheets;
  const now = unlocked.map((name) => worksheets.getItem(name).protection.load("protected"));
  await context.sync();
  const protectedNow = now.map((p) => p.protected);
  const stoppedAtUnprotect = protectedNow[protectedNow.length - 1] && refusedByProtection(error);
  return { protectedNow, refused: stoppedAtUnprotect ? unlocked[protectedNow.indexOf(true)] : undefined };
}

/**
 * Whether a failure is what unprotect() answers to a missing password: where
 * Excel says it (debugInfo.errorLocation "WorksheetProtection.unprotect"), or
 * else by its code (InvalidArgument for a wrong password, AccessDenied for a
 * refused change). A batch that failed at its very first operation for any
 * other reason also leaves every sheet protected; this tells them apart.
 */
function refusedByProtection(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, debugInfo } = error as { code?: unknown; debugInfo?: { errorLocation?: unknown } };
  const location = debugInfo?.errorLocation;
  if (typeof location === "string" && location !== "") return /unprotect/i.test(location);
  return code === "InvalidArgument" || code === "AccessDenied";
}
