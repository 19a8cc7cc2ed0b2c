// The embedded dynalite is a separate entry, "@strategist/dynamo/embedded", so that apps bundling this index
// (the web app) do not pull dynalite and its native LevelDB module in.
export * from "./tables";
export * from "./client";
export * from "./queries";
export * from "./limits";
export * from "./sessions";
export * from "./password-resets";
