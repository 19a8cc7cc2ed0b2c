/**
 * A copy of `sources` with one edit applied to one file: the infra checks prove they can fail by
 * finding the breakage a reviewer might make by hand. The edit must match exactly once, so a check
 * whose breakage no longer applies fails loudly instead of passing for the wrong reason.
 */
export function withEdit(sources: Record<string, string>, file: string, from: string | RegExp, to: string): Record<string, string> {
  const text = sources[file];
  if (text === undefined) throw new Error(`no source named ${file}`);
  const pattern =
    typeof from === "string"
      ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g")
      : new RegExp(from.source, from.flags.includes("g") ? from.flags : `${from.flags}g`);
  const matches = text.match(pattern)?.length ?? 0;
  if (matches !== 1) throw new Error(`edit of ${file} expected exactly one match of ${from}, found ${matches}`);
  return { ...sources, [file]: text.replace(pattern, to) };
}
