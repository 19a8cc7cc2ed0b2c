export * from "./strategy";
export * from "./errors";
export * from "./events";
export * from "./platform-rules";
export * from "./plans";
