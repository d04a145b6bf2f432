import { lazy } from "react";
import { LazyView } from "../lazy-view";
import { useStrings } from "../strings";

// The Tổng hợp view is loaded when first opened: it is not part of the pane's first load.
const AggregateView = lazy(async () => ({ default: (await import(/* webpackChunkName: "view-aggregate" */ "./AggregateView")).AggregateView }));

/** The Tổng hợp view, fetched on first use. */
export function LazyAggregateView({ today }: { today?: Date }) {
  const { t } = useStrings();
  return (
    <LazyView failedText={t.aggregate.viewLoadFailed}>
      <AggregateView today={today} />
    </LazyView>
  );
}
