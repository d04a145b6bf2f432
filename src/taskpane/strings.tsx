import { createContext, useContext, useMemo, type ReactNode } from "react";
import { enUi } from "../core/messages/en-ui";
import { viUi, type UiStrings } from "../core/messages/vi-ui";

/** Languages the pane can show; Vietnamese unless asked otherwise. */
export type UiLang = "vi" | "en";

/** Tạo biểu mẫu's list of the ward's units (the rest of the ward's words come with Tổng hợp: setup/setup-strings.ts). */
const viWard = {
  unitPicker: {
    hint: "Chọn trong danh sách đơn vị của phường (các biểu mẫu của đơn vị được chọn sẵn), hoặc gõ tên khác.",
    openList: "Mở danh sách đơn vị",
    notListed: (name: string) =>
      `“${name}” không có trong danh sách đơn vị của phường. Vẫn tạo được biểu mẫu; nếu đây là đơn vị của phường, thêm vào danh sách ở Tổng hợp → Đơn vị của phường để khi tổng hợp tệp được nhận đúng đơn vị.`,
  },
};

/** The shape the English table must fill, key for key. */
export type WardStrings = typeof viWard;

const enWard: WardStrings = {
  unitPicker: {
    hint: "Choose from the ward's units (the unit's forms are ticked for you), or type another name.",
    openList: "Open the list of units",
    notListed: (name) =>
      `“${name}” is not in the ward's list of units. The template can still be made; if this is a unit of the ward, add it under Aggregate → The ward's units so that its file is recognised when aggregating.`,
  },
};

interface StringsValue {
  lang: UiLang;
  t: UiStrings;
  /** Tạo biểu mẫu's list of the ward's units */
  ward: WardStrings;
}

const TABLES: Record<UiLang, UiStrings> = { vi: viUi, en: enUi };
const WARD_TABLES: Record<UiLang, WardStrings> = { vi: viWard, en: enWard };

const StringsContext = createContext<StringsValue>({ lang: "vi", t: viUi, ward: viWard });

/** Picks one string table for everything below it, so one screen never mixes languages. */
export function StringsProvider({ lang, children }: { lang: UiLang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: TABLES[lang], ward: WARD_TABLES[lang] }), [lang]);
  return <StringsContext.Provider value={value}>{children}</StringsContext.Provider>;
}

/** The current language and its string table. */
export function useStrings(): StringsValue {
  return useContext(StringsContext);
}

/** "?lang=en" in the page address selects English; anything else is Vietnamese. */
export function langFromSearch(search: string): UiLang {
  return new URLSearchParams(search).get("lang") === "en" ? "en" : "vi";
}
