import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** How an attempt ended when it did not fail: done (success), or stopped / a notice (info); read out politely. */
export function StatusMessage({ intent, title, text }: { intent: "success" | "info"; title?: string; text: string }) {
  return (
    <MessageBar intent={intent} layout="multiline" role="status">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        <div>{text}</div>
      </MessageBarBody>
    </MessageBar>
  );
}
