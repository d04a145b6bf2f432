import { createContext, useContext, type ReactNode } from "react";
import type { Host } from "../adapters/host/types";

const HostContext = createContext<Host | null>(null);

/** Gives every view below it the host (Excel or browser) it works through. */
export function HostProvider({ host, children }: { host: Host; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

/** The host of the nearest HostProvider; views use this instead of Office.js. */
export function useHost(): Host {
  const host = useContext(HostContext);
  // A view rendered without a provider is a wiring bug, not a user situation.
  if (!host) throw new Error("useHost() needs a <HostProvider> above it");
  return host;
}
