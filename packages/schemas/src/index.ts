// First: configures zod for browsers before any schema below is built.
import "./browser";
export * from "./strategy";
export * from "./errors";
export * from "./api-names";
export * from "./images";
export * from "./events";
export * from "./conversations";
