export * from "./resolve-values";
export * from "./title";
export * from "./import-workbook";
