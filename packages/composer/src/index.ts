export { composeStrategy, splitIntoChunks } from "./compose";
