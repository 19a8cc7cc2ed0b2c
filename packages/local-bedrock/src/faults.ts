import { CONTENT_FILTER_MESSAGE } from "./invoke";
import { HTTP_ERRORS, STREAM_ERRORS, type Behaviour, type HttpErrorName, type StreamErrorName } from "./behaviours";

/** Faults by name for the CLI; `stream-<Exception>` is the same exception as an event inside a started stream. */
const NAMED_FAULTS = {
  slow: (n = 500) => ({ kind: "answer", chunkDelayMs: n }),
  delay: (n = 5000) => ({ kind: "answer", firstByteDelayMs: n }),
  stall: (n = 3) => ({ kind: "stall", afterEvents: n }),
  cut: (n = 3) => ({ kind: "cut", afterEvents: n }),
  text: () => ({ kind: "text" }),
  "invalid-output": () => ({ kind: "invalidOutput" }),
  "max-tokens": () => ({ kind: "maxTokens" }),
  "content-filter": () => ({ kind: "httpError", error: "ValidationException", message: CONTENT_FILTER_MESSAGE }),
  "banned-word": () => ({ kind: "bannedWord" }),
} satisfies Record<string, (n?: number) => Behaviour>;

/** Every fault name parseFaults accepts (each may take `:<number>`, e.g. `slow:200`, `stall:2`). */
export const FAULT_NAMES = [
  ...Object.keys(HTTP_ERRORS),
  ...Object.keys(STREAM_ERRORS).map((name) => `stream-${name}`),
  ...Object.keys(NAMED_FAULTS),
];

function parseFault(spec: string): Behaviour {
  const [name = "", argument] = spec.trim().split(":");
  const n = argument === undefined || argument === "" ? undefined : Number(argument);
  if (n !== undefined && !Number.isFinite(n)) throw new Error(`Fault "${spec}": "${argument}" is not a number`);
  if (name in HTTP_ERRORS) return { kind: "httpError", error: name as HttpErrorName };
  const streamError = name.replace(/^stream-/, "");
  if (name.startsWith("stream-") && streamError in STREAM_ERRORS) {
    return { kind: "streamError", error: streamError as StreamErrorName, afterEvents: n };
  }
  if (name in NAMED_FAULTS) return NAMED_FAULTS[name as keyof typeof NAMED_FAULTS](n);
  throw new Error(`Unknown fault "${name}"; known faults: ${FAULT_NAMES.join(", ")}`);
}

/** Parses a comma list of fault names (LOCAL_BEDROCK_FAULTS) into behaviours, in order; empty entries are skipped. */
export function parseFaults(list: string): Behaviour[] {
  return list
    .split(",")
    .filter((spec) => spec.trim() !== "")
    .map(parseFault);
}
