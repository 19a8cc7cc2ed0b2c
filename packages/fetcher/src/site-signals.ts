import { contentTerms, wordCount } from "./text.js";

/** An industry the site's words point to, with the words that point there. */
export interface IndustryHint {
  industry: string;
  terms: string[];
  score: number;
}

const industries: readonly { industry: string; terms: readonly string[] }[] = [
  {
    industry: "bakery",
    terms: ["bakery", "bakeries", "bread", "sourdough", "pastry", "pastries", "croissant", "loaf", "loaves", "baker", "bakers", "cake", "cakes"],
  },
  { industry: "cafe and coffee", terms: ["coffee", "espresso", "cafe", "café", "roastery", "roaster", "barista", "latte"] },
  { industry: "restaurant", terms: ["restaurant", "menu", "dining", "chef", "dishes", "cuisine", "reservation", "reservations", "brunch", "dinner"] },
  { industry: "software", terms: ["software", "saas", "platform", "app", "api", "dashboard", "integrations", "cloud", "developers", "automation"] },
  { industry: "marketing agency", terms: ["agency", "marketing", "branding", "seo", "campaigns", "advertising", "social media", "content strategy"] },
  { industry: "consulting", terms: ["consulting", "consultancy", "consultants", "advisory", "strategy", "transformation"] },
  { industry: "fitness", terms: ["fitness", "gym", "workout", "workouts", "training", "trainer", "yoga", "pilates", "classes"] },
  { industry: "health care", terms: ["clinic", "health", "patients", "dental", "dentist", "medical", "therapy", "physiotherapy", "care"] },
  { industry: "legal services", terms: ["law", "lawyer", "lawyers", "legal", "attorney", "attorneys", "firm", "litigation"] },
  { industry: "accounting and finance", terms: ["accounting", "accountant", "accountants", "bookkeeping", "tax", "taxes", "payroll", "finance", "financial"] },
  { industry: "real estate", terms: ["real estate", "property", "properties", "homes", "realtor", "rent", "rental", "mortgage"] },
  {
    industry: "construction and trades",
    terms: ["construction", "builder", "builders", "renovation", "renovations", "plumbing", "roofing", "electrician", "contractor"],
  },
  { industry: "education", terms: ["courses", "course", "students", "learning", "teachers", "school", "tutoring", "lessons", "workshops"] },
  { industry: "fashion and apparel", terms: ["fashion", "clothing", "apparel", "shoes", "collection", "wear", "garments"] },
  { industry: "beauty", terms: ["beauty", "salon", "skincare", "hair", "cosmetics", "spa", "nails", "makeup"] },
  { industry: "travel and hospitality", terms: ["travel", "hotel", "tours", "booking", "guests", "rooms", "trips", "holiday"] },
  { industry: "e-commerce", terms: ["shop", "store", "shipping", "checkout", "order", "orders", "delivery", "products"] },
  { industry: "nonprofit", terms: ["nonprofit", "non-profit", "charity", "donate", "donations", "volunteers", "volunteer", "foundation"] },
  { industry: "photography and design", terms: ["photography", "photographer", "design", "designer", "studio", "portfolio", "illustration"] },
  { industry: "pets", terms: ["pet", "pets", "dog", "dogs", "cat", "cats", "veterinary", "grooming"] },
];

function occurrences(text: string, term: string): number {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"))?.length ?? 0;
}

/**
 * Scores each industry by how often its words appear in weighted texts (the site's title and description weigh
 * more than body text) and returns the best three with a score, highest first, ties in table order.
 */
export function industryHints(texts: readonly { text: string; weight: number }[]): IndustryHint[] {
  const hints: IndustryHint[] = [];
  for (const { industry, terms } of industries) {
    const counts = new Map<string, number>();
    for (const { text, weight } of texts) {
      for (const term of terms) {
        const found = occurrences(text, term);
        if (found > 0) counts.set(term, (counts.get(term) ?? 0) + found * weight);
      }
    }
    const score = [...counts.values()].reduce((total, count) => total + count, 0);
    if (score > 0) hints.push({ industry, score, terms: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([term]) => term) });
  }
  return hints.sort((a, b) => b.score - a.score).slice(0, 3);
}

const audienceCue =
  /\b(?:we (?:serve|help|work with|support|cater to|bake for|build for|design for)|(?:built|designed|made|ideal|perfect|created|crafted) for|our (?:customers|clients|guests|members|readers|community|neighbou?rs) (?:are|include|come)|whether you(?:'re| are)|for (?:small |local |busy |growing |independent )?(?:businesses|teams|families|parents|kids|children|students|professionals|companies|startups|owners|founders|marketers|home cooks|neighbou?rs|people who|anyone who|those who))\b/i;

const goalCue =
  /\b(?:our (?:mission|goal|goals|aim|vision|purpose|promise|ambition)|we (?:aim|strive|want|hope|plan|intend|exist|believe|are committed|are on a mission|set out)|we're (?:on a mission|committed)|(?:is|are) committed to)\b/i;

/** True for a sentence that says whom the business is for. */
export function isAudienceSentence(sentence: string): boolean {
  return audienceCue.test(sentence) && wordCount(sentence) >= 5 && wordCount(sentence) <= 50;
}

/** True for a sentence that states a goal, mission or belief of the business. */
export function isGoalSentence(sentence: string): boolean {
  return goalCue.test(sentence) && wordCount(sentence) >= 5 && wordCount(sentence) <= 50;
}

/** Title separators: "Page | Brand", "Brand - Tagline", "Brand — Tagline", "Brand · Tagline", "Brand: Tagline". */
function titleSegments(title: string): string[] {
  return title
    .split(/\s*[|·•]\s*|\s+[–—-]\s+|:\s+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
}

/** "riverside-bakery.example" gives "Riverside Bakery". */
export function nameFromHostname(hostname: string): string {
  const labels = hostname.replace(/^www\./, "").split(".");
  const label = labels.length > 1 ? labels.slice(0, -1).join(" ") : (labels[0] ?? hostname);
  return label
    .split(/[-_ ]+/)
    .filter((word) => word !== "")
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(" ");
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Names the business from page titles: a title segment shared by two or more pages, else the segment of the first
 * title that the host name spells, else the first title's shortest segment.
 */
export function nameFromTitles(titles: readonly string[], hostname: string): string | undefined {
  const segmentsByTitle = titles.map(titleSegments).filter((segments) => segments.length > 0);
  const counts = new Map<string, number>();
  for (const segments of segmentsByTitle) for (const segment of new Set(segments)) counts.set(segment, (counts.get(segment) ?? 0) + 1);
  const first = segmentsByTitle[0];
  if (first === undefined) return undefined;
  const shared = first.find((segment) => (counts.get(segment) ?? 0) >= 2 && segmentsByTitle.length >= 2);
  if (shared !== undefined) return shared;
  const host = squash(hostname.replace(/^www\./, "").split(".")[0] ?? "");
  const spelled = first.find((segment) => host !== "" && (host.includes(squash(segment)) || squash(segment).includes(host)) && squash(segment) !== "");
  if (spelled !== undefined) return spelled;
  return [...first].sort((a, b) => a.length - b.length || first.indexOf(a) - first.indexOf(b))[0];
}

/** Sentences worth quoting as the site's own voice: 8 to 35 words, a statement, not all capitals. */
export function isSampleSentence(sentence: string): boolean {
  const words = wordCount(sentence);
  return words >= 8 && words <= 35 && !sentence.endsWith("?") && sentence !== sentence.toUpperCase() && contentTerms(sentence).length >= 3;
}
