export { startLocalBedrock } from "./server";
export type { LocalBedrock, LocalBedrockOptions, RecordedRequest, WrittenStreamEvent } from "./server";
export { HTTP_ERRORS, STREAM_ERRORS } from "./behaviours";
export type { Behaviour, HttpErrorName, StreamErrorName } from "./behaviours";
export { FAULT_NAMES, parseFaults } from "./faults";
export { CONTENT_FILTER_MESSAGE } from "./invoke";
