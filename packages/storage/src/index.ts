// The embedded s3rver is a separate entry, "@strategist/storage/embedded", so production bundles leave it out.
export * from "./client";
