import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import type { Ref } from "react";
import { useStrings } from "../strings";

/** What the Trợ giúp menu offers, and where the focus comes back to. */
export interface HelpMenuProps {
  /** Kiểm tra môi trường was chosen */
  onSelfCheck: () => void;
  /** the menu's button, to give the focus back to when the self-check is closed */
  buttonRef?: Ref<HTMLButtonElement>;
  /** opened at once (the officer clicked while the menu was being fetched) */
  defaultOpen?: boolean;
}

/**
 * The Trợ giúp menu of the pane's header: a Fluent menu button (Enter, Space
 * or ↓ open it; arrows move; Esc closes and gives the focus back).
 */
export function HelpMenu({ onSelfCheck, buttonRef, defaultOpen }: HelpMenuProps) {
  const { t } = useStrings();
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton appearance="subtle" size="small" ref={buttonRef}>
          {t.help.menu}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={onSelfCheck}>{t.help.selfCheck}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
