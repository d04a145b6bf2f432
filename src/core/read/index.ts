export * from "./snapshot";
export * from "./number";
export * from "./text";
export * from "./locate";
