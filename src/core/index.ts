/** The pure core: forms catalogue, periods, layout, messages. No Office.js, DOM or file system. */
export * from "./result";
export * from "./errors";
export * from "./limits";
export * from "./forms";
export * from "./periods";
export * from "./layout";
export * from "./messages";
export * from "./read";
export * from "./validate";
export * from "./units";
export * from "./aggregate";
export * from "./import";
