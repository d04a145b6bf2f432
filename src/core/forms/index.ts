export * from "./schema";
export * from "./catalogue";
export * from "./load-catalogue";
export * from "./kinds";
export * from "./select-forms";
