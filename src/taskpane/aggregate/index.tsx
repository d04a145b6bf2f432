import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Component, lazy, Suspense, type ReactNode } from "react";
import { useStrings } from "../strings";

// The Tổng hợp view is loaded when first opened: it is not part of the pane's first load.
const AggregateView = lazy(async () => ({ default: (await import(/* webpackChunkName: "view-aggregate" */ "./AggregateView")).AggregateView }));

/** Shows `fallback` instead of a view whose code could not be fetched (a dropped connection). */
class LoadBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The Tổng hợp view, fetched on first use, with a spinner meanwhile. */
export function LazyAggregateView({ today }: { today?: Date }) {
  const { t } = useStrings();
  const failed = (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{t.aggregate.viewLoadFailed}</MessageBarBody>
    </MessageBar>
  );
  return (
    <LoadBoundary fallback={failed}>
      <Suspense fallback={<Spinner size="small" label={t.loading} />}>
        <AggregateView today={today} />
      </Suspense>
    </LoadBoundary>
  );
}
