import type { IncomingMessage } from "node:http";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { FetchRefused } from "./errors.js";

/** Human form of a byte count for refusal sentences ("2 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const noop = () => undefined;
  switch (encoding) {
    case "gzip":
    case "x-gzip":
      return pipeline(response, createGunzip(), noop);
    case "deflate":
      return pipeline(response, createInflate(), noop);
    case "br":
      return pipeline(response, createBrotliDecompress(), noop);
    default:
      return response;
  }
}

/**
 * Reads a response body, refusing it as soon as more than `maxBytes` arrive. The count is of the decoded bytes, so a
 * small compressed body that inflates past the cap is refused too; a declared Content-Length past the cap is refused
 * before reading anything.
 */
export async function readCappedBody(response: IncomingMessage, maxBytes: number, url: string): Promise<Buffer> {
  const tooLarge = () => new FetchRefused("too_large", `The page is larger than the ${formatBytes(maxBytes)} cap on fetched pages.`, { url });
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = decoded(response);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

const metaCharset = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/**
 * Decodes a body to text: the charset of the Content-Type header, else a byte-order mark, else a `<meta charset>` in
 * the first 1,024 bytes, else UTF-8. An unknown label falls back to UTF-8 rather than failing.
 */
export function decodeBody(body: Buffer, headerCharset: string | undefined): { text: string; charset: string } {
  const sniffed = headerCharset ?? bomCharset(body) ?? metaCharset.exec(body.subarray(0, 1024).toString("latin1"))?.[1];
  const label = (sniffed ?? "utf-8").toLowerCase();
  try {
    return { text: new TextDecoder(label).decode(body), charset: label };
  } catch {
    return { text: new TextDecoder("utf-8").decode(body), charset: "utf-8" };
  }
}

function bomCharset(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  return undefined;
}
