import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, type DialogProps } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface ConfirmDialogProps {
  open: boolean;
  /** "alert" (the default) cannot be dismissed by clicking outside; "modal" can */
  modalType?: DialogProps["modalType"];
  title: ReactNode;
  /** what will happen, above the buttons */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  /** Hủy, Esc, or any other way the dialog closes */
  onCancel: () => void;
}

/** A question before something is changed: the primary button does it, every other way out does not. */
export function ConfirmDialog({ open, modalType = "alert", title, children, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog
      modalType={modalType}
      open={open}
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button onClick={onCancel}>{cancelLabel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
