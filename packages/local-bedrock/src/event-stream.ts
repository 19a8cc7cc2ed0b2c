import { crc32 } from "node:zlib";

/** Header value type 7 of the AWS event-stream encoding: a UTF-8 string with a u16 length. */
const STRING_HEADER = 7;

function encodeHeaders(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = Buffer.from(name, "utf8");
    const valueBytes = Buffer.from(value, "utf8");
    const header = Buffer.alloc(1 + nameBytes.length + 1 + 2 + valueBytes.length);
    let offset = header.writeUInt8(nameBytes.length, 0);
    offset += nameBytes.copy(header, offset);
    offset = header.writeUInt8(STRING_HEADER, offset);
    offset = header.writeUInt16BE(valueBytes.length, offset);
    valueBytes.copy(header, offset);
    parts.push(header);
  }
  return Buffer.concat(parts);
}

/**
 * One AWS event-stream message: prelude (total length, headers length, prelude CRC32), headers, payload and a
 * CRC32 of everything before it. The client verifies both checksums, so a wrong one fails like a corrupt stream.
 */
function encodeMessage(headers: Record<string, string>, payload: unknown): Buffer {
  const headerBytes = encodeHeaders(headers);
  const body = Buffer.from(JSON.stringify(payload), "utf8");
  const total = 12 + headerBytes.length + body.length + 4;
  const message = Buffer.alloc(total);
  message.writeUInt32BE(total, 0);
  message.writeUInt32BE(headerBytes.length, 4);
  message.writeUInt32BE(crc32(message.subarray(0, 8)), 8);
  headerBytes.copy(message, 12);
  body.copy(message, 12 + headerBytes.length);
  message.writeUInt32BE(crc32(message.subarray(0, total - 4)), total - 4);
  return message;
}

/** A ConverseStream event such as `messageStart` or `contentBlockDelta`. */
export function encodeEvent(eventType: string, payload: unknown): Buffer {
  return encodeMessage(
    { ":event-type": eventType, ":content-type": "application/json", ":message-type": "event" },
    payload,
  );
}

/**
 * An exception inside an open stream, framed the way Bedrock sends it (`:message-type: exception`). The AWS client
 * throws it from the stream iterator; `exceptionType` is the union member name, e.g. `throttlingException`.
 */
export function encodeException(exceptionType: string, message: string): Buffer {
  return encodeMessage(
    { ":exception-type": exceptionType, ":content-type": "application/json", ":message-type": "exception" },
    { message },
  );
}
