import { FluentProvider, Tab, TabList, Subtitle1, makeStyles, tokens, webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Host } from "../adapters/host/types";
import type { UiStrings } from "../core/messages/vi-ui";
import { HostProvider } from "./host-context";
import { isDarkTheme } from "./shell/theme";
import { StringsProvider, useStrings, type UiLang } from "./strings";
import { TemplateView } from "./template/TemplateView";
import { LazyValidateView } from "./validate";
import { LazyAggregateView } from "./aggregate";
import { LazyHelpMenu } from "./help";
import { LazySelfCheckView } from "./self-check";

/** What the composition root decides before the pane renders. */
export interface AppProps {
  host: Host;
  theme?: Theme;
  lang?: UiLang;
  /** the day periods are offered around; tests pin it */
  today?: Date;
}

interface ViewEntry {
  id: string;
  label: (t: UiStrings) => string;
  render: (props: { today?: Date }) => ReactNode;
}

// One entry per action; a new view (Kiểm tra, Tổng hợp) is one more line here.
const VIEWS: readonly ViewEntry[] = [
  { id: "template", label: (t) => t.nav.template, render: ({ today }) => <TemplateView today={today} /> },
  { id: "validate", label: (t) => t.nav.validate, render: ({ today }) => <LazyValidateView today={today} /> },
  { id: "aggregate", label: (t) => t.nav.aggregate, render: ({ today }) => <LazyAggregateView today={today} /> },
];

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
  },
  shell: {
    maxWidth: "640px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  title: {
    margin: 0,
  },
  tabs: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
  },
});

/** The whole task pane: theme, language and host for every view, and the navigation between views. */
export function App({ host, theme = webLightTheme, lang = "vi", today }: AppProps) {
  useEffect(() => {
    // The page around the provider (overscroll, scrollbars) should follow the theme too.
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    document.documentElement.style.colorScheme = isDarkTheme(theme) ? "dark" : "light";
  }, [theme]);
  return (
    // Layout classes stay off FluentProvider: Fluent copies its className onto portal roots (dialogs).
    <FluentProvider theme={theme}>
      <StringsProvider lang={lang}>
        <HostProvider host={host}>
          <Shell today={today} />
        </HostProvider>
      </StringsProvider>
    </FluentProvider>
  );
}

function Shell({ today }: { today?: Date }) {
  const styles = useStyles();
  const { t } = useStrings();
  const [viewId, setViewId] = useState(VIEWS[0].id);
  // Kiểm tra môi trường (Trợ giúp menu) takes the place of the action views until closed.
  const [selfCheck, setSelfCheck] = useState(false);
  const helpButton = useRef<HTMLButtonElement>(null);
  const view = VIEWS.find((v) => v.id === viewId) ?? VIEWS[0];
  const closeSelfCheck = () => {
    setSelfCheck(false);
    helpButton.current?.focus();
  };
  return (
    <div className={styles.page}>
      <div className={styles.shell}>
        {/* In a banner landmark: every part of the page sits in a landmark (axe "region"). */}
        <header className={styles.header}>
          <Subtitle1 as="h1" className={styles.title}>
            {t.appTitle}
          </Subtitle1>
          <LazyHelpMenu onSelfCheck={() => setSelfCheck(true)} buttonRef={helpButton} />
        </header>
        <nav aria-label={t.nav.label}>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={selfCheck ? "" : view.id}
            onTabSelect={(_, data) => {
              setViewId(String(data.value));
              setSelfCheck(false);
            }}
          >
            {VIEWS.map((v) => (
              <Tab key={v.id} value={v.id}>
                {v.label(t)}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main>{selfCheck ? <LazySelfCheckView onClose={closeSelfCheck} /> : view.render({ today })}</main>
      </div>
    </div>
  );
}
