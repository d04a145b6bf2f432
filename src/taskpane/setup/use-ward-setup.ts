import { useCallback, useEffect, useSyncExternalStore } from "react";
import { useHost } from "../host-context";
import { useStrings } from "../strings";
import { setupStoreOf, type WardSetupState, type WardSetupStore } from "./setup-store";

/**
 * The ward's setup (its units, leads and combine modes) for a view: the one
 * store of the host, redrawn whenever it is saved, so that Tạo biểu mẫu sees
 * at once what Tổng hợp's editor saved. Read when the view opens, or with
 * `onDemand` only once `load` is called (Tạo biểu mẫu, the pane's first
 * view: when the officer reaches the unit field, not at every start).
 */
export function useWardSetup(options: { onDemand?: boolean } = {}): WardSetupState & { store: WardSetupStore; load: () => void } {
  const host = useHost();
  const { lang } = useStrings();
  const store = setupStoreOf(host, lang);
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  // A codec that cannot be fetched leaves the view without the ward's list; Tổng hợp says why when it runs.
  const load = useCallback(() => void store.ready().catch(() => undefined), [store]);
  const eager = !options.onDemand;
  useEffect(() => {
    if (eager) load();
  }, [eager, load]);
  return { ...state, store, load };
}
