// Only Excel in a dark Office theme needs the dark tokens: fetched then, not on every first load.
export { webDarkTheme } from "@fluentui/react-components";
