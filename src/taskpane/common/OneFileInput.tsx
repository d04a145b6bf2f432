import type { Ref } from "react";

/**
 * A hidden input for one file, opened by a button of the view (`ref.click()`);
 * cleared after each pick, so that the same file chosen again (after an edit
 * on disk) is taken again.
 */
export function OneFileInput({ ref, accept, label, onFile }: { ref: Ref<HTMLInputElement>; accept: string; label: string; onFile: (file: File) => void }) {
  return (
    <input
      ref={ref}
      type="file"
      hidden
      accept={accept}
      aria-label={label}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = "";
        if (file) onFile(file);
      }}
    />
  );
}
