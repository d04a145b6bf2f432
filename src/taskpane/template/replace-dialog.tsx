import type { ComponentProps, ComponentType } from "react";
import type { ConfirmReplaceDialog } from "../common/ConfirmReplaceDialog";

type DialogProps = ComponentProps<typeof ConfirmReplaceDialog>;

let loaded: ComponentType<DialogProps> | null = null;
let loading: Promise<ComponentType<DialogProps>> | null = null;

/**
 * Fetches the "Thay thế?" question (Fluent's Dialog and its focus trap): only
 * a write into a workbook that already has the sheets needs it, so it is no
 * part of the first load. Tried again after a failed fetch.
 */
export function loadReplaceDialog(): Promise<ComponentType<DialogProps>> {
  loading ??= import(/* webpackChunkName: "replace-dialog" */ "../common/ConfirmReplaceDialog").then(
    (m) => (loaded = m.ConfirmReplaceDialog),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The question once fetched; nothing before. The action awaits
 * loadReplaceDialog() before it asks, so the question shows as soon as it is
 * asked; once fetched it stays mounted, so that it closes with its animation.
 */
export function ReplaceDialog(props: DialogProps) {
  const Dialog = loaded;
  return Dialog ? <Dialog {...props} /> : null;
}
