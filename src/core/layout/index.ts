export * from "./address";
export * from "./formulas";
export * from "./plan";
export * from "./styles";
export * from "./texts";
export * from "./form-sheet";
export * from "./metadata";
export * from "./workbook-plan";
