export * from "./registry";
export * from "./registry-schema";
export * from "./leads";
