import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

/** One pair of screenshots compared pixel by pixel. */
export interface PairDifference {
  name: string;
  width: number;
  height: number;
  /** Pixels that differ (pixelmatch, threshold 0: any change of colour counts). */
  differentPixels: number;
  /** The two images differ in size: every pixel of the larger one counts as different. */
  sizeChanged: boolean;
}

/** Compares every PNG in `before` with the file of the same name in `after`; writes a diff image into `diffDir` when given. */
export function comparePairs(before: string, after: string, diffDir?: string): PairDifference[] {
  return readdirSync(before)
    .filter((name) => name.endsWith(".png"))
    .sort()
    .map((name) => {
      const a = PNG.sync.read(readFileSync(join(before, name)));
      const b = PNG.sync.read(readFileSync(join(after, name)));
      if (a.width !== b.width || a.height !== b.height) {
        return { name, width: b.width, height: b.height, differentPixels: Math.max(a.width * a.height, b.width * b.height), sizeChanged: true };
      }
      const diff = new PNG({ width: a.width, height: a.height });
      const differentPixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0 });
      if (diffDir && differentPixels > 0) writeFileSync(join(diffDir, name), PNG.sync.write(diff));
      return { name, width: a.width, height: a.height, differentPixels, sizeChanged: false };
    });
}

if (process.argv[1] === import.meta.filename) {
  const [before, after, diffDir] = process.argv.slice(2);
  if (!before || !after) throw new Error("usage: compare.ts <before dir> <after dir> [diff dir]");
  for (const pair of comparePairs(before, after, diffDir)) {
    console.log(`${pair.name}\t${pair.width}x${pair.height}\t${pair.sizeChanged ? "size changed" : `${pair.differentPixels} px differ`}`);
  }
}
