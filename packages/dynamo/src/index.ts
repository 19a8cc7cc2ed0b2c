export * from "./tables";
export * from "./client";
export * from "./embedded";
