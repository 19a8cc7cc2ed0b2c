export * from "./strategy";
export * from "./errors";
export * from "./api-names";
export * from "./events";
