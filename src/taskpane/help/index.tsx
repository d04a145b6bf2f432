import { Button } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { LoadBoundary } from "../lazy-view";
import { useStrings } from "../strings";
import type { HelpMenuProps } from "./HelpMenu";

// Fluent's menu is no part of the pane's first load: it is fetched right after the pane first renders.
const HelpMenu = lazy(async () => ({ default: (await import(/* webpackChunkName: "help-menu" */ "./HelpMenu")).HelpMenu }));

/**
 * The Trợ giúp menu, fetched on first render. Meanwhile a plain button of
 * the same name stands in: clicked, the menu opens as soon as it arrives. If
 * it cannot be fetched, the button goes straight to Kiểm tra môi trường (the
 * menu's only entry), whose own fetch then says what to do.
 */
export function LazyHelpMenu({ onSelfCheck, buttonRef }: Omit<HelpMenuProps, "defaultOpen">) {
  const { t } = useStrings();
  const [wanted, setWanted] = useState(false);
  const stand = (onClick: () => void) => (
    <Button appearance="subtle" size="small" aria-haspopup="menu" onClick={onClick} ref={buttonRef}>
      {t.help.menu}
    </Button>
  );
  return (
    <LoadBoundary fallback={stand(onSelfCheck)}>
      <Suspense fallback={stand(() => setWanted(true))}>
        <HelpMenu onSelfCheck={onSelfCheck} buttonRef={buttonRef} defaultOpen={wanted} />
      </Suspense>
    </LoadBoundary>
  );
}
