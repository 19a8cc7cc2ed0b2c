// First: configures zod for browsers before any schema below is built.
import "./browser";
export * from "./strategy";
export * from "./errors";
export * from "./api-names";
export * from "./images";
export * from "./events";
export * from "./brands";
export * from "./conversations";
export * from "./platforms";
export * from "./platform-rules";
export * from "./plans";
export * from "./time-zone";
export * from "./schedule";
