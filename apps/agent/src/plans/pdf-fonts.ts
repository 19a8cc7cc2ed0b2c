import { readFileSync } from "node:fs";
import nodeModule from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";

/**
 * The fonts the PDF embeds, from npm font packages (TrueType files, which pdfkit subsets to the glyphs used):
 * Noto Sans for Latin, Greek and Cyrillic, Noto Sans SC for Chinese and Japanese, Noto Sans KR for Korean,
 * Noto Emoji (monochrome) for emoji. Each run of text is set in the first font that has its glyphs.
 */
const FONT_FILES = {
  sans: ["@expo-google-fonts/noto-sans", "400Regular/NotoSans_400Regular.ttf"],
  "sans-bold": ["@expo-google-fonts/noto-sans", "700Bold/NotoSans_700Bold.ttf"],
  "sans-italic": ["@expo-google-fonts/noto-sans", "400Regular_Italic/NotoSans_400Regular_Italic.ttf"],
  cjk: ["@expo-google-fonts/noto-sans-sc", "400Regular/NotoSansSC_400Regular.ttf"],
  "cjk-bold": ["@expo-google-fonts/noto-sans-sc", "700Bold/NotoSansSC_700Bold.ttf"],
  korean: ["@expo-google-fonts/noto-sans-kr", "400Regular/NotoSansKR_400Regular.ttf"],
  emoji: ["@expo-google-fonts/noto-emoji", "400Regular/NotoEmoji_400Regular.ttf"],
} as const;
export type FontName = keyof typeof FONT_FILES;

/** The text styles of the document; each has its fonts in order of preference. */
export const STYLES = {
  regular: ["sans", "cjk", "korean", "emoji"],
  bold: ["sans-bold", "cjk-bold", "korean", "emoji"],
  italic: ["sans-italic", "cjk", "korean", "emoji"],
} as const satisfies Record<string, readonly FontName[]>;
export type Style = keyof typeof STYLES;

// Through the module object: the bundle's banner already declares a `createRequire` binding.
const require = nodeModule.createRequire(import.meta.url);
let loaded: Map<FontName, { bytes: Buffer; font: fontkit.Font }> | undefined;

/** The font files, read and parsed once per thread. */
export function fonts(): Map<FontName, { bytes: Buffer; font: fontkit.Font }> {
  if (!loaded) {
    loaded = new Map();
    for (const [name, [pkg, file]] of Object.entries(FONT_FILES) as [FontName, readonly [string, string]][]) {
      const bytes = readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file));
      loaded.set(name, { bytes, font: fontkit.create(bytes) as fontkit.Font });
    }
  }
  return loaded;
}

/** Characters that belong to the glyph before them: marks, joiners, variation selectors, emoji modifiers, tags. */
const MARK = /^\p{M}$/u;

/** Whether a character belongs to the glyph before it. */
export function clings(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    MARK.test(char) ||
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0x1f3fb && code <= 0x1f3ff) ||
    (code >= 0xe0020 && code <= 0xe007f)
  );
}

/** Splits text into runs, each set in the first font of the style that has a glyph for its characters. */
export function fontRuns(text: string, style: Style): { font: FontName; text: string }[] {
  const table = fonts();
  const order = STYLES[style];
  const runs: { font: FontName; text: string }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const last = runs.at(-1);
    let font: FontName;
    if (last && (clings(char) || char === " " || char === "\n")) font = last.font;
    else font = order.find((name) => table.get(name)!.font.hasGlyphForCodePoint(code)) ?? order[0];
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

/** The longest run of non-space characters the layout sees; longer words get a break opportunity (U+200B) inside. */
const LONGEST_WORD = 30;

/**
 * Gives every word longer than LONGEST_WORD characters a zero-width space about every LONGEST_WORD characters, never
 * before a character that clings to the one before it (a mark, a joiner, a modifier), so a line can break inside the
 * word: pdfkit's line wrapper takes time quadratic in a word's length otherwise.
 */
export function wrapLongWords(text: string): string {
  return text.replace(new RegExp(`[^\\s\\u200b]{${LONGEST_WORD + 1},}`, "gu"), (word) => {
    let out = "";
    let since = 0;
    let previous = "";
    for (const char of word) {
      if (since >= LONGEST_WORD && !clings(char) && previous !== "\u200d") {
        out += "\u200b";
        since = 0;
      }
      out += char;
      since++;
      previous = char;
    }
    return out;
  });
}
