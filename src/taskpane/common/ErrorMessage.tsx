import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ErrorView } from "../describe-error";

/**
 * A failed attempt: what failed, and the sentence saying what happened and
 * what to do (with `note` after it, e.g. that nothing was changed). Never the
 * raw exception: describeError leaves that in the browser console.
 */
export function ErrorMessage({ title, error, note }: { title: string; error: ErrorView; note?: string }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div>
          {error.text}
          {note ? ` ${note}` : null}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
