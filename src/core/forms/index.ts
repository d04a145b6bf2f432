export * from "./schema";
export * from "./catalogue";
export * from "./select-forms";
