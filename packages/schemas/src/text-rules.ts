import { z } from "zod";

/** C0 and C1 control characters (NUL aside: it has its own message), DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0001-\u001F\u007F-\u009F\u2028\u2029]/u;
/** The same, less the tab and the line breaks a multi-line text may hold. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL_BUT_LINES = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** Refuses control characters and line breaks: for names and other one-line fields (they end up in file headers). */
export function singleLine<T extends z.ZodType<string>>(schema: T): T {
  return schema.refine((value) => !CONTROL.test(value), { error: "Must be a single line without control characters" });
}

/** Refuses control characters other than tab, CR and LF: for texts where line breaks are legitimate. */
export function multiLine<T extends z.ZodType<string>>(schema: T): T {
  return schema.refine((value) => !CONTROL_BUT_LINES.test(value), { error: "Must not contain control characters" });
}

/** Whether a value holds a control character or a line break (what singleLine refuses). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}
