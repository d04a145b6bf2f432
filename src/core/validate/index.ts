export * from "./finding";
export * from "./context";
export * from "./arithmetic";
export * from "./formula-refs";
export * from "./validate-workbook";
