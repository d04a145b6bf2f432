import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { WriteTemplateOutcome } from "../../adapters/host/types";
import { StatusMessage } from "./StatusMessage";

/**
 * A finished write: what was written and where, and, when the host could not
 * set printing up (older Excel), `printNote` on how to do it by hand.
 */
export function WrittenMessage({
  outcome,
  title,
  text,
  printNote,
}: {
  outcome: Extract<WriteTemplateOutcome, { status: "written" }>;
  title: string;
  text: string;
  printNote: ReactNode;
}) {
  return (
    <>
      <StatusMessage intent="success" title={title} text={text} />
      {outcome.printSetupApplied ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{printNote}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
