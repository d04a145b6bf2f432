export * from "./snapshot";
export * from "./number";
export * from "./text";
export * from "./locate";
export * from "./locate-pasted";
export * from "./indicator-match";
