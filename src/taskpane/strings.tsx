import { createContext, useContext, useMemo, type ReactNode } from "react";
import { enUi } from "../core/messages/en-ui";
import { viUi, type UiStrings } from "../core/messages/vi-ui";

/** Languages the pane can show; Vietnamese unless asked otherwise. */
export type UiLang = "vi" | "en";

interface StringsValue {
  lang: UiLang;
  t: UiStrings;
}

const TABLES: Record<UiLang, UiStrings> = { vi: viUi, en: enUi };

const StringsContext = createContext<StringsValue>({ lang: "vi", t: viUi });

/** Picks one string table for everything below it, so one screen never mixes languages. */
export function StringsProvider({ lang, children }: { lang: UiLang; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: TABLES[lang] }), [lang]);
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
