// The agent as a library: what another workspace package (the evaluation suite) needs to run the real service in
// process, with its own configuration and database.
export { createAgentApp } from "./service-factory";
export { loadConfig } from "../core/config";
export { createCatalog } from "../models/providers";
export { OFFLINE_WRITERS } from "./offline-writers";
export { STRATEGY_PROMPT } from "../strategies/prompt";
