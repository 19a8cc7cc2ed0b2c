import { platformsIn, type PlatformId, type StrategyInput } from "@strategist/schemas";
import { answerLanguage, detectLanguage, type DetectedLanguage, type WrittenLanguage } from "./language";

/** The kinds of business the offline model knows, most specific first (ties go to the earlier one). */
const FAMILIES = [
  "nonprofit",
  "water",
  "surf",
  "mountain",
  "weddings",
  "pets",
  "property",
  "trades",
  "legal",
  "health",
  "finance",
  "music",
  "creator",
  "beauty",
  "fashion",
  "fitness",
  "hospitality",
  "bakery",
  "cafe",
  "bar",
  "drinks",
  "food",
  "retail",
  "home",
  "education",
  "professional",
  "software",
  "general",
] as const;
export type Family = (typeof FAMILIES)[number];

/** Words (lower-case substrings, several languages) that point to each family. */
const FAMILY_WORDS: Record<Exclude<Family, "general">, string[]> = {
  nonprofit: [
    "nonprofit",
    "non-profit",
    "charity",
    "ngo",
    "ong ",
    "foundation",
    "fundación",
    "fondation",
    "stiftung",
    "verein",
    "tierschutz",
    "food bank",
    "association",
    "asociación",
    "volunteer",
  ],
  water: ["kayak", "canoe", "paddle", "sailing", "rafting", "diving", "buceo", "snorkel", "piragua", "kajak", "voile", "segel"],
  surf: ["surf"],
  mountain: [
    "hiking",
    "hike",
    "randonn",
    "trek",
    "climbing",
    "escalada",
    "kletter",
    "ski ",
    "skiing",
    "wander",
    "senderismo",
    "outdoor",
    "adventure",
    "aventura",
    "aventure",
    "bike tour",
    "montaña",
    "montagne",
    "berg",
  ],
  weddings: ["wedding", "bridal", "boda", "hochzeit", "mariage", "novia"],
  pets: ["dog", "cat food", "pet ", "pets", "mascota", "perro", "hund", "chien", "puppy"],
  property: ["real estate", "estate agen", "inmobiliaria", "immobilien", "immobilier", "realtor", "property"],
  trades: [
    "plumb",
    "electrician",
    "cleaning",
    "handyman",
    "roofing",
    "fontaner",
    "klempner",
    "sanitär",
    "plombier",
    "locksmith",
    "repair",
    "hvac",
    "boiler",
    "electricista",
    "électricien",
  ],
  legal: ["law firm", "law ", "legal", "lawyer", "attorney", "abogad", "bufete", "anwalt", "kanzlei", "avocat", "juridique", "jurídic", "notar"],
  health: [
    "dental",
    "dentist",
    "dentaire",
    "dentista",
    "zahn",
    "clinic",
    "clínica",
    "klinik",
    "praxis",
    "physio",
    "therap",
    "terapia",
    "medical",
    "médic",
    "health",
    "salud",
    "santé",
    "gesundheit",
    "pharma",
    "hospital",
    "psycholog",
  ],
  finance: [
    "financ",
    "fintech",
    "bank",
    "insurance",
    "invest",
    "accounting",
    "accountant",
    "tax",
    "wealth",
    "pension",
    "credit",
    "loan",
    "ahorro",
    "inversión",
    "banco",
    "seguro",
    "versicherung",
    "steuer",
    "banque",
    "assurance",
    "épargne",
    "comptab",
    "contab",
  ],
  music: ["music", "musician", "singer", "songwriter", "band", "músic", "cantante", "musik", "sänger", "chanteu", "dj "],
  creator: ["creator", "youtube", "influencer", "podcast", "streamer", "blogger", "channel", "creador", "créat"],
  beauty: ["beauty", "cosmetic", "cosmét", "skincare", "skin care", "makeup", "maquillaje", "kosmetik", "salon", "belleza", "beauté", "nails", "hair"],
  fashion: ["fashion", "apparel", "clothing", "moda", " mode", "ropa", "vêtement", "kleidung", "jewel", "joya", "schmuck", "bijou"],
  fitness: [
    "gym",
    "fitness",
    "crossfit",
    "yoga",
    "pilates",
    "gimnasio",
    "fitnessstudio",
    "salle de sport",
    "personal train",
    "running",
    "runner",
    "marathon",
    "workout",
  ],
  hospitality: ["hotel", "hôtel", "hostel", "resort", "guesthouse", "b&b", "alojamiento", "unterkunft", "gîte", "casa rural", "vacation rental"],
  bakery: ["bakery", "bäckerei", "boulangerie", "panader", "patisser", "pâtisser", "konditor", "backstube"],
  cafe: ["coffee", "café", "cafe", "cafetería", "espresso", "roaster"],
  bar: ["wine", "vins", "vino", "bar à", "wine bar", "weinbar", "cocktail", "taberna", "pub"],
  drinks: ["drink", "bebida", "getränk", "boisson", "soda", "beverage"],
  food: [
    "restaurant",
    "restaurante",
    "ristorante",
    "trattoria",
    "kitchen",
    "catering",
    "food",
    "vegan",
    "pizza",
    "cocina",
    "comida",
    "küche",
    "gastronom",
    "bistro",
    "brasserie",
    "tapas",
  ],
  retail: [
    "shop",
    "store",
    "tienda",
    "laden",
    "e-commerce",
    "ecommerce",
    "toy",
    "juguet",
    "spielzeug",
    "jouet",
    "e-bike",
    "bicycle",
    "gift",
    "boutique en ligne",
  ],
  home: [
    "home decor",
    "decor",
    "interior",
    "furniture",
    "muebles",
    "möbel",
    "meubles",
    "textiles",
    "architect",
    "arquitect",
    "architekt",
    "garden",
    "jardín",
    "garten",
  ],
  education: [
    "course",
    "curso",
    "cours",
    "kurs",
    "school",
    "escuela",
    "école",
    "schule",
    "tutor",
    "educa",
    "bildung",
    "academy",
    "academia",
    "learning",
    "language",
    "idioma",
    "sprach",
    "langue",
    "tutorial",
  ],
  professional: ["consult", "conseil", "beratung", "agency", "agencia", "agentur", "agence", "coaching", "accounting firm", "marketing services"],
  software: [
    "software",
    "saas",
    "cloud",
    "platform",
    "plataforma",
    "plateforme",
    "plattform",
    "cyber",
    "app ",
    "logiciel",
    "tech",
    "data",
    "developer tool",
    " ai ",
    " api ",
  ],
};

/** Families whose customers find them on a map and walk in or call: Google-Maps-style discovery matters. */
const LOCAL_SERVICES = new Set<Family>([
  "trades",
  "health",
  "legal",
  "food",
  "bakery",
  "cafe",
  "bar",
  "fitness",
  "beauty",
  "water",
  "surf",
  "mountain",
  "retail",
  "property",
  "hospitality",
]);
/** Families whose work is shown best in photos and short video. */
const VISUAL = new Set<Family>([
  "food",
  "bakery",
  "cafe",
  "bar",
  "drinks",
  "beauty",
  "fashion",
  "fitness",
  "hospitality",
  "water",
  "surf",
  "mountain",
  "home",
  "weddings",
  "pets",
  "music",
  "retail",
  "property",
]);
/** Families under advertising rules that forbid promising results. */
const REGULATED = new Set<Family>(["health", "finance", "legal"]);

const B2B_WORDS = [
  "b2b",
  "business owner",
  "businesses",
  "companies",
  "company",
  "enterprise",
  "firms",
  "agencies",
  "decision maker",
  "decision-maker",
  "ciso",
  "cfo",
  "cto",
  "ceo",
  "procurement",
  "hr manager",
  "hr ",
  "founders",
  "managers",
  "leaders",
  "leads of",
  "sole trader",
  "freelancer",
  "smb",
  "smes",
  "startups",
  "empresas",
  "pymes",
  "directivos",
  "gerentes",
  "unternehmen",
  "geschäftsführer",
  "leiter",
  "mittelstand",
  "entscheider",
  "entreprises",
  "dirigeants",
  "drh",
  "décideurs",
  "pme",
];
const CONSUMER_WORDS = [
  "parents",
  "families",
  "women",
  "men ",
  "fans",
  "couples",
  "travellers",
  "travelers",
  "students",
  "teens",
  "gen z",
  "owners aged",
  "dog owners",
  "drivers",
  "homeowners",
  "buyers",
  "customers",
  "jóvenes",
  "familias",
  "familien",
  "familles",
  "famiglie",
  "mujeres",
  "femmes",
  "frauen",
];
const YOUNG_WORDS = [
  "gen z",
  "teen",
  "student",
  "young",
  "college",
  "campus",
  "gamer",
  "jóvenes",
  "jeunes",
  "junge",
  "estudiantes",
  "étudiants",
  "studenten",
  "giovani",
];
const OLD_WORDS = ["retire", "senior", "older", "pensioner", "jubilad", "rentner", "retraité", "ruheständ"];
const PARENT_WORDS = ["parent", "famil", "moms", "mums", "dads", "padres", "eltern", "toddler", "kids", "children"];
const WOMEN_WORDS = ["women", "mujeres", "femmes", "frauen", "brides", "moms", "mums"];
const LOCAL_WORDS = [
  "local",
  "nearby",
  "neighbo",
  "near campus",
  "vecin",
  "barrio",
  "quartier",
  "nachbar",
  "arrondissement",
  "in town",
  "lyonnais",
  "madrileñ",
  "city centre",
  "downtown",
];
const GLOBAL_WORDS = [
  "worldwide",
  "global",
  "international",
  "online",
  "e-commerce",
  "ecommerce",
  "en ligne",
  "across the",
  "nationwide",
  "in the us",
  "in the uk",
  "en españa",
  "in deutschland",
  "en france",
  "en méxico",
  "subscription",
  "app ",
];
const BROAD_WORDS = ["all ages", "todas las edades", "tous âges", "jeden alters", "everyone"];
const TUTORIAL_WORDS = ["tutorial", "course", "learn", "how-to", "how to", "podcast", "video", "curso", "cours", "kurs", "lesson", "gamer", "subscriber"];

/** Regions too large for local discovery when a brief names them after "in". */
const NOT_LOCAL_PLACES = [
  "the us",
  "the uk",
  "usa",
  "europe",
  "españa",
  "spain",
  "deutschland",
  "germany",
  "france",
  "méxico",
  "mexico",
  "america",
  "latam",
  "asia",
  "the world",
];

export type GoalKind = "donations" | "downloads" | "bookings" | "leads" | "visits" | "sales" | "community" | "awareness";
const GOAL_WORDS: [GoalKind, string[]][] = [
  ["donations", ["donat", "donor", "volunteer", "spende", "don ", "dons", "donacion", "voluntari", "bénévol", "adoption", "adopcion", "adoptionen"]],
  ["downloads", ["download", "descarga", "téléchargement", "installs"]],
  [
    "bookings",
    [
      "booking",
      "book ",
      "reserv",
      "termin",
      "rendez-vous en ligne",
      "appointment",
      "session",
      "trial class",
      "test ride",
      "sell out",
      "fill the",
      "llenar los cursos",
      "remplir les sorties",
      "cita",
    ],
  ],
  [
    "leads",
    [
      "lead",
      "demo",
      "consultation",
      "consulta",
      "rendez-vous",
      "anfrage",
      "pipeline",
      "contract",
      "commission",
      "valuation",
      "viewings",
      "clients",
      "sponsors",
      "trial",
    ],
  ],
  ["visits", ["foot traffic", "visits", "laufkundschaft", "walk-in", "comedor", "remplir le bar", "store visit", "weekday"]],
  [
    "sales",
    ["sales", "sell", "vente", "venta", "verkauf", "umsatz", "subscription", "quote", "seats", "revenue", "orders", "pedidos", "commandes", "vorbestell"],
  ],
  ["community", ["follower", "subscriber", "community", "comunidad", "communauté", "gemeinschaft", "streams", "fans"]],
  [
    "awareness",
    [
      "awareness",
      "notoriété",
      "bekanntheit",
      "visibilidad",
      "reconocimiento",
      "trust",
      "confianza",
      "confiance",
      "vertrauen",
      "thought leadership",
      "launch",
      "credibility",
    ],
  ],
];

/** What the offline model concludes about a brief before it writes anything. */
export interface BriefProfile {
  family: Family;
  market: "b2b" | "b2c";
  reach: "local" | "global";
  age: "young" | "adult" | "older" | "all";
  parents: boolean;
  women: boolean;
  visual: boolean;
  regulated: boolean;
  /** Walk-in or call-out business found on maps. */
  localService: boolean;
  /** The brief asks for teaching, tutorials, video or audio shows. */
  teaching: boolean;
  goal: GoalKind;
  /** Platforms the brief names itself. */
  named: PlatformId[];
  detected: DetectedLanguage;
  language: WrittenLanguage;
}

const has = (text: string, words: string[]) => words.filter((word) => text.includes(word)).length;

/** Age ranges written as "18-24", "de 25 à 40 ans", "20 a 30 años", "aged 50-65". */
function ageRange(text: string): [number, number] | undefined {
  const match = /(\d{2})\s*(?:-|–|to|à|a|bis)\s*(\d{2})/.exec(text);
  if (!match) return undefined;
  const [low, high] = [Number(match[1]), Number(match[2])];
  return low >= 10 && high <= 99 && low < high ? [low, high] : undefined;
}

function classifyFamily(industry: string, rest: string): Family {
  let best: Family = "general";
  let bestScore = 0;
  for (const family of FAMILIES) {
    if (family === "general") continue;
    const score = has(industry, FAMILY_WORDS[family]) * 3 + has(rest, FAMILY_WORDS[family]);
    if (score > bestScore) [best, bestScore] = [family, score];
  }
  return best;
}

function isLocal(audience: string, industry: string, original: string, family: Family, market: "b2b" | "b2c"): boolean {
  if (has(`${audience} ${industry}`, GLOBAL_WORDS) > 0) return false;
  // An app or an online service reaches its users wherever they are, whatever it is about.
  if (/\b(?:app|apps|online|digital)\b/u.test(industry)) return false;
  if (has(audience, LOCAL_WORDS) > 0) return true;
  // "in Leeds", "de Madrid", "in Köln", "a Bologna", "en San Sebastián": a place name after a preposition.
  for (const match of original.matchAll(/\b(?:in|near|around|de|en|à|a|aus|bei|du)\s+(?:the\s+|la\s+|le\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/gu)) {
    const place = match[1]!.toLowerCase();
    if (!NOT_LOCAL_PLACES.some((name) => place.startsWith(name.replace(/^the /, "")))) return true;
  }
  return market === "b2c" && LOCAL_SERVICES.has(family) && family !== "retail";
}

/** Reads the whole brief: market, reach, kind of business, audience age, goal and language. */
export function classifyBrief(brief: StrategyInput): BriefProfile {
  const industry = ` ${brief.industry.toLowerCase()} `;
  const audience = ` ${brief.target_audience.toLowerCase()} `;
  const goals = ` ${brief.goals.toLowerCase()} `;
  // "Accounting software" is a software business whose customers work in finance: what it sells decides.
  const family = /software|saas|logiciel/.test(industry) ? "software" : classifyFamily(industry, `${audience} ${goals}`);

  const b2bScore =
    has(audience, B2B_WORDS) * 2 +
    has(industry, ["b2b", "enterprise", "for businesses", "for small", "für den mittelstand", "pour les entreprises", "para empresas", "sole trader"]) +
    (family === "software" || family === "professional" ? 1 : 0) -
    has(audience, CONSUMER_WORDS) * 2 -
    (has(audience, ["young professional"]) ? 2 : 0);
  const market = b2bScore >= 2 ? "b2b" : "b2c";

  const range = ageRange(audience);
  let age: BriefProfile["age"] = "adult";
  if (has(audience, BROAD_WORDS) > 0) age = "all";
  else if (has(audience, YOUNG_WORDS) > 0 || (range && range[1] <= 35)) age = "young";
  else if (has(audience, OLD_WORDS) > 0 || (range && range[0] >= 45)) age = "older";

  const detected = detectLanguage(`${brief.industry}. ${brief.target_audience}. ${brief.goals}`);
  const reach = isLocal(audience, industry, brief.target_audience, family, market) ? "local" : "global";
  const goal = GOAL_WORDS.find(([, words]) => has(goals, words) > 0)?.[0] ?? "awareness";
  return {
    family,
    market,
    reach,
    age,
    parents: has(audience, PARENT_WORDS) > 0,
    women: has(audience, WOMEN_WORDS) > 0,
    visual: VISUAL.has(family),
    regulated: REGULATED.has(family),
    localService: reach === "local" && LOCAL_SERVICES.has(family),
    teaching: family === "education" || family === "creator" || has(`${industry} ${goals} ${audience}`, TUTORIAL_WORDS) > 0,
    goal,
    named: platformsIn(`${industry} ${audience} ${goals}`),
    detected,
    language: answerLanguage(detected),
  };
}
