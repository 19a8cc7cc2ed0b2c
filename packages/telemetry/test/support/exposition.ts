/** One sample line of an exposition: its family name and labels. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
}

/** The samples of an exposition text (comments skipped). */
export function samples(text: string): Sample[] {
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s/.exec(line);
      if (!match) throw new Error(`unreadable sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const pair of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
      return { name: match[1]!, labels };
    });
}

/** Sample lines of the given families only (their _bucket, _sum and _count included). */
export function seriesOf(text: string, prefix: string): Sample[] {
  return samples(text).filter((sample) => sample.name.startsWith(prefix));
}
