import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import type { UiStrings } from "../../core/messages/vi-ui";

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
    <Dialog
      modalType="alert"
      open={existing !== null}
      onOpenChange={(_, data) => {
        if (!data.open) onKeep();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.existsTitle}</DialogTitle>
          <DialogContent>
            <p>{existing ? s.existsQuestion(existing.join(", ")) : null}</p>
            <p>{s.existsWarning}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onReplace}>
              {s.replace}
            </Button>
            <Button onClick={onKeep}>{s.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
