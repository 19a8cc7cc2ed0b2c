export { classifyAddress, isForbiddenAddress, type AddressVerdict } from "./address.js";
export { FetchRefused, refusalStatus, type FetchRefusalReason, type FetchRefusalStatus } from "./errors.js";
export { acceptedContentTypes, defaultUserAgent, fetchPage, type FetchPageOptions, type FetchedPage } from "./fetch-page.js";
export type { HostResolver } from "./connection.js";
export type { RobotsCache, RobotsPolicy } from "./robots.js";
export { parseAllowHosts } from "./target.js";
export { detectInstructionToAI, isInstructionToAI, type InstructionToAI } from "./instruction-to-ai.js";
export { chooseKeyPoints, extractArticle, extractPastedArticle, type Article, type ExtractOptions } from "./extract.js";
export { isBoilerplate } from "./text.js";
