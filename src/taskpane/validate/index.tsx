import { lazy } from "react";
import { LazyView } from "../lazy-view";
import { useStrings } from "../strings";

// The Kiểm tra view and the validation engine are loaded when the view is first opened: not part of the pane's first load.
const ValidateView = lazy(async () => ({ default: (await import(/* webpackChunkName: "view-validate" */ "./ValidateView")).ValidateView }));

/** The Kiểm tra view, fetched on first use; `today` pins the periods offered when converting (tests). */
export function LazyValidateView({ today }: { today?: Date }) {
  const { t } = useStrings();
  return (
    <LazyView failedText={t.validate.viewLoadFailed}>
      <ValidateView today={today} />
    </LazyView>
  );
}
