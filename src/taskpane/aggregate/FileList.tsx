import { Button, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { memo, useLayoutEffect, useRef } from "react";
import { useSetupStrings } from "../setup/setup-strings";
import { useStrings } from "../strings";
import { fileTime } from "./file-time";

const useStyles = makeStyles({
  fileList: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    maxHeight: "16em",
    overflowY: "auto",
    wordBreak: "break-word",
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
  },
  fileItem: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    // A thousand chosen files: those scrolled out of the list's box are not laid out until scrolled to.
    contentVisibility: "auto",
    containIntrinsicSize: "auto 2.5em",
  },
  fileText: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
  },
  fileName: {
    color: tokens.colorNeutralForeground1,
  },
});

/**
 * The picked files: each with when it was last changed and its own Bỏ (so a
 * unit's older file can be taken off, as a duplicate's advice says).
 * Memoised, so progress updates during a run do not redraw a hundred names.
 * After Bỏ the focus goes to the next file's Bỏ (the previous one's at the
 * end; Chọn tệp… once the list is empty), never to the page.
 */
export const FileList = memo(function FileList({
  files,
  labelledBy,
  busy,
  onRemove,
}: {
  files: File[];
  labelledBy: string;
  busy: boolean;
  onRemove: (file: File) => void;
}) {
  const styles = useStyles();
  const { lang } = useStrings();
  const w = useSetupStrings().aggregate;
  const list = useRef<HTMLUListElement>(null);
  const removedAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = removedAt.current;
    if (at === null) return;
    removedAt.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button[data-remove]");
    if (buttons && buttons.length > 0) buttons[Math.min(at, buttons.length - 1)].focus();
  }, [files]);
  return (
    // Focusable so a keyboard can scroll a long list (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <ul ref={list} className={styles.fileList} aria-labelledby={labelledBy} tabIndex={0}>
      {files.map((f, i) => {
        const when = fileTime(f.lastModified, lang);
        return (
          <li key={`${f.name}-${f.size}-${f.lastModified}`} className={styles.fileItem} data-file={f.name}>
            <span className={styles.fileText}>
              <span className={styles.fileName}>{f.name}</span>
              {when ? <span>{w.fileTime(when)}</span> : null}
            </span>
            <Button
              size="small"
              appearance="subtle"
              data-remove=""
              disabled={busy}
              aria-label={w.removeFileLabel(f.name)}
              onClick={() => {
                removedAt.current = i;
                onRemove(f);
              }}
            >
              {w.removeFile}
            </Button>
          </li>
        );
      })}
    </ul>
  );
});
