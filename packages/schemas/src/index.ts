export * from "./strategy";
export * from "./errors";
