import { lazy } from "react";
import { LazyView } from "../lazy-view";
import { useStrings } from "../strings";

// Kiểm tra môi trường, its words and its report are loaded when first opened: not part of the pane's first load.
const SelfCheckView = lazy(async () => ({ default: (await import(/* webpackChunkName: "view-self-check" */ "./SelfCheckView")).SelfCheckView }));

/** Kiểm tra môi trường (Trợ giúp menu), fetched on first use; onClose goes back to the action views. */
export function LazySelfCheckView({ onClose }: { onClose: () => void }) {
  const { t } = useStrings();
  return (
    <LazyView failedText={t.help.loadFailed}>
      <SelfCheckView onClose={onClose} />
    </LazyView>
  );
}
