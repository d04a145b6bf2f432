import { MessageBarTitle } from "@fluentui/react-components";
import { FORM_LAYOUT } from "../../core/layout/form-layout";
import type { UiStrings } from "../../core/messages/vi-ui";
import { ErrorMessage } from "../common/ErrorMessage";
import { StatusMessage } from "../common/StatusMessage";
import { WrittenMessage } from "../common/WrittenMessage";
import { useStrings } from "../strings";
import type { ValidatePhase } from "./validate-model";

/** What the last action said: stopped, a notice, or a Vietnamese error with the way forward. */
export function PhaseMessage({ phase, s }: { phase: ValidatePhase; s: UiStrings["validate"] }) {
  if (phase.kind === "stopped") return <StatusMessage intent="info" title={s.stoppedTitle} text={s.stoppedText} />;
  if (phase.kind === "error")
    return <ErrorMessage title={s.errorTitles[phase.task]} error={phase.error} note={phase.task === "fix" ? s.fixUnchanged : undefined} />;
  if (phase.kind !== "done" || !phase.notice) return null;
  const notice = phase.notice;
  if (notice.kind === "converted") {
    const sheets = notice.sheets.join(", ");
    return (
      <WrittenMessage
        outcome={{ status: "written", sheets: notice.sheets, printSetupApplied: notice.printSetupApplied }}
        title={s.convert.doneTitle}
        text={
          notice.fileName
            ? s.convert.doneBrowser(sheets, notice.fileName, notice.unit, notice.period)
            : s.convert.doneExcel(sheets, notice.source, notice.unit, notice.period)
        }
        printNote={<PrintNote />}
      />
    );
  }
  return (
    <StatusMessage
      intent={notice.kind === "cleared" ? "info" : "success"}
      title={notice.kind === "fixed" ? s.fixedTitle : undefined}
      text={notice.kind === "marked" ? s.marked(notice.cells) : notice.kind === "fixed" ? s.fixed(notice.cells) : s.cleared}
    />
  );
}

/** How to set printing up by hand on Excel older than ExcelApi 1.9 (the words of Tạo biểu mẫu). */
function PrintNote() {
  const { t } = useStrings();
  return (
    <>
      <MessageBarTitle>{t.template.printTitle}</MessageBarTitle>
      <div>{t.template.printHow(`$${FORM_LAYOUT.headerRow}:$${FORM_LAYOUT.headerRow}`)}</div>
    </>
  );
}
