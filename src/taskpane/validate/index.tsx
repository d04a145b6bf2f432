import { lazy } from "react";
import { LazyView } from "../lazy-view";
import { useStrings } from "../strings";

// The Kiểm tra view and the validation engine are loaded when the view is first opened: not part of the pane's first load.
const ValidateView = lazy(async () => ({ default: (await import(/* webpackChunkName: "view-validate" */ "./ValidateView")).ValidateView }));

/** The Kiểm tra view, fetched on first use. */
export function LazyValidateView() {
  const { t } = useStrings();
  return (
    <LazyView failedText={t.validate.viewLoadFailed}>
      <ValidateView />
    </LazyView>
  );
}
