import { crc32, inflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pngDimensions, renderPlaceholderImage } from "../src/placeholder-image";

/** Splits a PNG into chunks, checking each CRC, and returns the decoded RGB rows (filter bytes dropped). */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  let offset = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === "IHDR") [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width * 3 + 1) * height);
  return { width, height, pixel: (x, y) => [...raw.subarray(y * (width * 3 + 1) + 1 + x * 3, y * (width * 3 + 1) + 4 + x * 3)] };
}

describe("placeholder image", () => {
  it("renders any prompt as a valid PNG of the asked size, the same bytes for the same prompt", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "grapheme" }), fc.integer({ min: 16, max: 96 }), fc.integer({ min: 16, max: 96 }), (prompt, width, height) => {
        const image = renderPlaceholderImage(prompt, { width, height });
        const decoded = decode(image.png);
        expect([decoded.width, decoded.height]).toEqual([width, height]);
        expect(pngDimensions(image.png)).toEqual({ width, height });
        expect(renderPlaceholderImage(prompt, { width, height }).png.equals(image.png)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("writes the placeholder label in white across the middle, and different prompts look different", () => {
    const image = decode(renderPlaceholderImage("A sunrise over a coffee farm").png);
    const middle = Array.from({ length: image.width }, (_, x) => image.pixel(x, image.height / 2 - 2));
    expect(middle.filter((rgb) => rgb.every((value) => value === 255)).length).toBeGreaterThan(50);
    const other = decode(renderPlaceholderImage("A rainy street at night").png);
    expect(image.pixel(5, 5)).not.toEqual(other.pixel(5, 5));
  });
});
