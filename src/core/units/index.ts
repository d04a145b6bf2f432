export * from "./registry";
export * from "./leads";
