export * from "./period";
