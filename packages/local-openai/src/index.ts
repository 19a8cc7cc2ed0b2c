export { startLocalOpenAI, type Behaviour, type LocalOpenAI, type LocalOpenAIOptions, type RecordedRequest } from "./server";
