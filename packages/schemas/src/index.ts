export * from "./strategy";
export * from "./errors";
export * from "./platform-rules";
