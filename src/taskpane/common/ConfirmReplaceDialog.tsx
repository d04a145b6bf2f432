import type { UiStrings } from "../../core/messages/vi-ui";
import { ConfirmDialog } from "./ConfirmDialog";

/** The texts of the question; the Tạo biểu mẫu and Tổng hợp tables both have them. */
export type ReplaceStrings = Pick<UiStrings["template"], "existsTitle" | "existsQuestion" | "existsWarning" | "replace" | "cancel">;

/**
 * "These sheets are already in the workbook: replace them?", asked before a
 * write overwrites anything. Open while `existing` names the sheets; closing
 * it any other way than Thay thế keeps them.
 */
export function ConfirmReplaceDialog({
  existing,
  strings: s,
  onReplace,
  onKeep,
}: {
  existing: readonly string[] | null;
  strings: ReplaceStrings;
  onReplace: () => void;
  onKeep: () => void;
}) {
  return (
    <ConfirmDialog open={existing !== null} title={s.existsTitle} confirmLabel={s.replace} cancelLabel={s.cancel} onConfirm={onReplace} onCancel={onKeep}>
      <p>{existing ? s.existsQuestion(existing.join(", ")) : null}</p>
      <p>{s.existsWarning}</p>
    </ConfirmDialog>
  );
}
