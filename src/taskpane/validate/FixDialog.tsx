import { ConfirmDialog } from "../common/ConfirmDialog";
import { useStrings } from "../strings";
import { useFixDialogStyles } from "./ValidateView.styles";
import type { FixChange } from "./validate-model";

/** What a fix will change, cell by cell (old → new), before anything is written. */
export function FixDialog({ changes, onConfirm, onCancel }: { changes: FixChange[] | null; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useStrings();
  const styles = useFixDialogStyles();
  const s = t.validate;
  return (
    <ConfirmDialog
      modalType="modal"
      open={changes !== null}
      title={changes && changes.length > 1 ? s.fixAllTitle(changes.length) : s.fixTitle}
      confirmLabel={s.apply}
      cancelLabel={s.cancel}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{s.fixIntro}</p>
      <ul className={styles.changes}>
        {(changes ?? []).map((c) => (
          <li key={c.cell} className={styles.change} data-fix-cell={c.cell}>
            <strong className={styles.code}>{c.cell}</strong>
            <div>
              {s.fixBefore}: <span className={styles.code}>{c.before}</span>
            </div>
            <div>
              {s.fixAfter}: <span className={styles.code}>{c.after}</span>
            </div>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
