export * from "./strategy";
export * from "./errors";
export * from "./brands";
