import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, Text, mergeClasses } from "@fluentui/react-components";
import { useId, useState } from "react";
import { usePanelStyles } from "../common/panel-styles";
import { useHost } from "../host-context";
import { useStrings, type UiLang } from "../strings";
import { SetupEditor } from "./SetupEditor";
import { useSetupStyles } from "./SetupEditor.styles";
import { readingText } from "./setup-draft";
import type { WardSetupState } from "./setup-store";
import { useSetupStrings, type SetupStrings } from "./setup-strings";
import { useWardSetup } from "./use-ward-setup";

/** "Đơn vị của phường" in Tổng hợp: what the setup in force is, where it is kept, and the editor behind a button. */
export function SetupPanel() {
  const panel = usePanelStyles();
  const styles = useSetupStyles();
  const host = useHost();
  const { lang } = useStrings();
  const s = useSetupStrings().setup;
  const state = useWardSetup();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const editorId = useId();
  const where = !state.setup
    ? s.loading
    : `${s.count(state.setup.units.length)} · ${state.saved ? (host.kind === "excel" ? s.savedExcel : s.savedBrowser) : s.builtIn}`;

  return (
    <section className={mergeClasses(panel.panel, styles.panel)} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={panel.heading}>
        {s.title}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.intro}</Caption1>
      <Text>{where}</Text>
      {state.problem ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{problemText(state.problem, s, lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Button className={styles.toggle} disabled={!state.setup} aria-expanded={open} aria-controls={open ? editorId : undefined} onClick={() => setOpen(!open)}>
        {open ? s.close : s.open}
      </Button>
      {open && state.setup ? (
        <div id={editorId}>
          <SetupEditor state={state} setup={state.setup} />
        </div>
      ) : null}
    </section>
  );
}

/** Why the remembered setup was set aside, in words. */
function problemText(problem: NonNullable<WardSetupState["problem"]>, s: SetupStrings["setup"], lang: UiLang): string {
  if (problem.kind === "unreadable") return s.loadFailed;
  return s.loadProblem(readingText(problem.issues, s, lang));
}
