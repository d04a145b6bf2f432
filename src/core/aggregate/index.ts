export * from "./identify";
export * from "./combine";
export * from "./aggregate";
export * from "./ward-figures";
