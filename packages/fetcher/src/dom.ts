import { parseHTML } from "linkedom";

/**
 * Parses HTML into a server-side DOM document (linkedom). linkedom builds no `<html>` element for markup that has
 * none, so such markup (a fragment, an empty body) is wrapped in a document first.
 */
export function parseDocument(html: string): Document {
  const document = parseHTML(html).document;
  if (document.documentElement !== null && document.body !== null) return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

/** Elements that are never a page's content: scripts, navigation, footers, forms, and anything hidden from readers. */
const chromeSelector = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "nav",
  "footer",
  "aside",
  "form",
  "dialog",
  "button",
  "select",
  "[role=navigation]",
  "[role=contentinfo]",
  "[role=dialog]",
  "[role=alertdialog]",
  "[role=search]",
  "[hidden]",
  "[aria-hidden=true]",
].join(",");

const chromeName =
  /cookie|consent|gdpr|newsletter|subscribe|share|social|breadcrumb|related|comments?\b|advert|promo|popup|modal|skip-link|sr-only|visually-hidden/i;
const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])|opacity\s*:\s*0(?![.\d])/i;

/**
 * Removes a page's chrome before extraction: the elements above, site headers outside the article, elements whose
 * id or class names a cookie banner, newsletter box, share bar or similar, and elements hidden by inline style
 * (a common place to plant text meant only for machines).
 */
export function removeChrome(document: Document): void {
  for (const element of [...document.querySelectorAll(chromeSelector)]) element.remove();
  for (const element of [...document.querySelectorAll("header")]) {
    if (element.closest("article, main") === null) element.remove();
  }
  for (const element of [...document.querySelectorAll("[id], [class], [style]")]) {
    if (element.tagName === "BODY" || element.tagName === "HTML") continue;
    const names = `${element.getAttribute("id") ?? ""} ${element.getAttribute("class") ?? ""}`;
    if (chromeName.test(names) || hiddenStyle.test(element.getAttribute("style") ?? "")) element.remove();
  }
}

/** The content of a `<meta>` tag found by name or property, trimmed, if present and not empty. */
export function metaContent(document: Document, key: string): string | undefined {
  const element = document.querySelector(`meta[name="${key}" i], meta[property="${key}" i]`);
  const content = element?.getAttribute("content")?.trim();
  return content === undefined || content === "" ? undefined : content;
}
