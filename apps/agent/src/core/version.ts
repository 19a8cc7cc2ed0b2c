import { version } from "../../package.json";

/** The agent's release, read once from its package.json: the health route and the OpenAPI document report it. */
export const AGENT_VERSION: string = version;
