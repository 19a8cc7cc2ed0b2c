import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";

/** A 5×7 bitmap font: each glyph is seven rows of five bits, most significant bit on the left. */
const FONT: Record<string, number[]> = {
  A: [14, 17, 17, 31, 17, 17, 17], B: [30, 17, 17, 30, 17, 17, 30], C: [14, 17, 16, 16, 16, 17, 14],
  D: [30, 17, 17, 17, 17, 17, 30], E: [31, 16, 16, 30, 16, 16, 31], F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15], H: [17, 17, 17, 31, 17, 17, 17], I: [14, 4, 4, 4, 4, 4, 14],
  J: [7, 2, 2, 2, 2, 18, 12], K: [17, 18, 20, 24, 20, 18, 17], L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17], N: [17, 17, 25, 21, 19, 17, 17], O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16], Q: [14, 17, 17, 17, 21, 18, 13], R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30], T: [31, 4, 4, 4, 4, 4, 4], U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4], W: [17, 17, 17, 21, 21, 21, 10], X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 10, 4, 4, 4, 4], Z: [31, 1, 2, 4, 8, 16, 31], "0": [14, 17, 19, 21, 25, 17, 14],
  "1": [4, 12, 4, 4, 4, 4, 14], "2": [14, 17, 1, 2, 4, 8, 31], "3": [30, 1, 1, 14, 1, 1, 30],
  "4": [2, 6, 10, 18, 31, 2, 2], "5": [31, 16, 30, 1, 1, 17, 14], "6": [6, 8, 16, 30, 17, 17, 14],
  "7": [31, 1, 2, 4, 8, 8, 8], "8": [14, 17, 17, 14, 17, 17, 14], "9": [14, 17, 17, 15, 1, 2, 12],
  " ": [0, 0, 0, 0, 0, 0, 0], "-": [0, 0, 0, 31, 0, 0, 0],
};

/** A rendered image: PNG bytes and their size. */
interface RenderedImage {
  png: Buffer;
  width: number;
  height: number;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encodes 8-bit RGB pixels (row by row, no padding) as a PNG. */
function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function pngDimensions(png: Buffer): { width: number; height: number } | undefined {
  if (png.length < 24 || png.readUInt32BE(0) !== 0x89504e47 || png.toString("ascii", 12, 16) !== "IHDR") return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Draws text in the bitmap font, centred on (cx, cy), each font pixel `scale` image pixels wide. */
function drawText(rgb: Buffer, width: number, height: number, text: string, cx: number, cy: number, scale: number, colour: number[]): void {
  const glyphs = [...text.toUpperCase()].map((char) => FONT[char] ?? FONT[" "]!);
  const textWidth = glyphs.length * 6 * scale - scale;
  const left = Math.round(cx - textWidth / 2);
  const top = Math.round(cy - (7 * scale) / 2);
  glyphs.forEach((rows, index) => {
    for (let row = 0; row < 7; row++) {
      for (let column = 0; column < 5; column++) {
        if (!((rows[row]! >> (4 - column)) & 1)) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const x = left + (index * 6 + column) * scale + dx;
            const y = top + row * scale + dy;
            if (x >= 0 && x < width && y >= 0 && y < height) rgb.set(colour, (y * width + x) * 3);
          }
        }
      }
    }
  });
}

/**
 * A deterministic stand-in picture for a prompt: colours and stripes derived from the prompt's hash, with a
 * label such as "PLACEHOLDER" written across the middle so nobody mistakes it for a generated image.
 */
export function renderPlaceholderImage(prompt: string, options: { width?: number; height?: number; label?: string } = {}): RenderedImage {
  const width = options.width ?? 512;
  const height = options.height ?? 512;
  const label = options.label ?? "PLACEHOLDER";
  const hash = createHash("sha256").update(prompt).digest();
  const from = [hash[0]!, hash[1]!, hash[2]!];
  const to = [hash[3]!, hash[4]!, hash[5]!];
  const stripe = 8 + (hash[6]! % 24);
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const t = y / Math.max(1, height - 1);
    for (let x = 0; x < width; x++) {
      const shade = Math.floor((x + y) / stripe) % 2 === 0 ? 1 : 0.85;
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) rgb[at + c] = Math.round((from[c]! * (1 - t) + to[c]! * t) * shade);
    }
  }
  const scale = Math.max(1, Math.floor(Math.min(width / (label.length * 6 + 4), height / 20)));
  const band = 11 * scale;
  for (let y = Math.max(0, Math.floor(height / 2 - band / 2)); y < Math.min(height, Math.ceil(height / 2 + band / 2)); y++) {
    rgb.fill(24, y * width * 3, (y + 1) * width * 3);
  }
  drawText(rgb, width, height, label, width / 2, height / 2, scale, [255, 255, 255]);
  return { png: encodePng(width, height, rgb), width, height };
}
