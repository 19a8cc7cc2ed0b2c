export { startLocalOpenAI, type LocalOpenAI } from "./server";
