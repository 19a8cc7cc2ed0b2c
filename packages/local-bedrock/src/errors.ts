import { HTTP_ERRORS, type HttpErrorName } from "./behaviours";

/** Bedrock's own wording, so logs written against the local Bedrock read like production ones. */
const DEFAULT_MESSAGES: Record<HttpErrorName, string> = {
  ThrottlingException: "Too many requests, please wait before trying again.",
  ServiceUnavailableException: "Bedrock is unable to process your request.",
  InternalServerException: "The server encountered an internal error while processing the request.",
  ModelTimeoutException: "Model has timed out in processing the request. Try your request again.",
  ValidationException: "The provided request is not valid.",
  AccessDeniedException: "You don't have access to the model with the specified model ID.",
  ModelStreamErrorException: "The model stream encountered an error.",
};

/** The message an exception carries when the script gives none. */
export function errorMessage(name: HttpErrorName, message?: string): string {
  return message ?? DEFAULT_MESSAGES[name];
}

/** Status, headers and body of an error response as the AWS SDK's restJson1 deserializer reads it. */
export function errorResponse(name: HttpErrorName, message?: string) {
  return {
    status: HTTP_ERRORS[name],
    headers: {
      "content-type": "application/json",
      // The SDK takes the code from this header and drops everything from the first ':' on.
      "x-amzn-errortype": `${name}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    },
    body: JSON.stringify({ message: errorMessage(name, message) }),
  };
}
