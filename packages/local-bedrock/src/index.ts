export { startLocalBedrock } from "./server";
export type { BedrockOperation, LocalBedrock, LocalBedrockOptions, RecordedRequest, WrittenStreamEvent } from "./server";
export { HTTP_ERRORS, STREAM_ERRORS } from "./behaviours";
export type { Behaviour, BehaviourKind, HttpErrorName, StreamErrorName } from "./behaviours";
export { FAULT_NAMES, parseFaults } from "./faults";
export type { BedrockUsage } from "./usage";
export { CONTENT_FILTER_MESSAGE, IMAGE_MODELS, LOCAL_IMAGE_LABEL } from "./invoke";
