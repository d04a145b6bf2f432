import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Component, Suspense, type ReactNode } from "react";
import { useStrings } from "./strings";

/** Shows `fallback` instead of a view whose code could not be fetched (a dropped connection). */
export class LoadBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** A view fetched on first use: a spinner meanwhile, `failedText` (what to do) if its code cannot be loaded. */
export function LazyView({ failedText, children }: { failedText: string; children: ReactNode }) {
  const { t } = useStrings();
  const failed = (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{failedText}</MessageBarBody>
    </MessageBar>
  );
  return (
    <LoadBoundary fallback={failed}>
      <Suspense fallback={<Spinner size="small" label={t.loading} />}>{children}</Suspense>
    </LoadBoundary>
  );
}
