/** A platform the offline composer can recommend, the signals that favour it and how often to post there. */
export interface PlatformProfile {
  name: string;
  /** Words in the audience or goals that point to this platform, each with the reason it matters. */
  signals: { words: string[]; reason: string }[];
  baseline: number;
  cadence: string;
  strength: string;
}

export const PLATFORMS: PlatformProfile[] = [
  {
    name: "LinkedIn",
    signals: [
      { words: ["b2b", "professional", "executive", "decision maker", "decision-maker", "manager", "leader", "recruit", "hiring", "enterprise", "founder", "cto", "hr "], reason: "your audience makes professional decisions there" },
      { words: ["thought leadership", "lead", "partnership", "credibility", "authority"], reason: "it rewards expertise and generates qualified leads" },
    ],
    baseline: 1,
    cadence: "3 posts a week, Tuesday to Thursday between 8 and 10 am",
    strength: "long-form posts, document carousels and employee advocacy",
  },
  {
    name: "Instagram",
    signals: [
      { words: ["millennial", "gen z", "young", "women", "lifestyle", "fashion", "beauty", "food", "travel", "fitness", "creative", "visual"], reason: "your audience discovers brands through visuals there" },
      { words: ["awareness", "brand", "community", "engagement", "sales", "shop", "launch"], reason: "Reels, Stories and shopping tags turn attention into action" },
    ],
    baseline: 2,
    cadence: "4-5 feed posts or Reels a week plus daily Stories, around 11 am-1 pm and 7-9 pm",
    strength: "Reels, carousels and Stories",
  },
  {
    name: "TikTok",
    signals: [
      { words: ["gen z", "teen", "student", "young", "18-24", "18-25", "college", "viral", "trend"], reason: "your audience spends hours a day there" },
      { words: ["awareness", "reach", "viral", "video", "launch", "discover"], reason: "its recommendation feed gives new accounts reach without an existing following" },
    ],
    baseline: 0,
    cadence: "1 short video a day on weekdays, posted between 6 and 10 pm",
    strength: "short native videos that join trends",
  },
  {
    name: "Facebook",
    signals: [
      { words: ["parent", "mom", "dad", "famil", "local", "neighbo", "older", "senior", "retire", "35", "40", "50", "community group"], reason: "your audience is most active there and trusts local recommendations" },
      { words: ["event", "community", "local", "foot traffic", "store visits", "bookings", "reservations"], reason: "Groups and Events drive real-world visits" },
    ],
    baseline: 1,
    cadence: "3-4 posts a week, weekdays around 1-3 pm, plus events as they come",
    strength: "Groups, Events and community posts",
  },
  {
    name: "YouTube",
    signals: [
      { words: ["developer", "engineer", "learner", "student", "diy", "gamer", "researcher", "hobbyist"], reason: "your audience searches there to learn in depth" },
      { words: ["education", "tutorial", "how-to", "how to", "seo", "search", "video", "demo", "explain"], reason: "long-lived tutorials keep bringing search traffic" },
    ],
    baseline: 0,
    cadence: "1 long-form video every two weeks plus 2-3 Shorts a week",
    strength: "tutorials, demos and Shorts",
  },
  {
    name: "Pinterest",
    signals: [
      { words: ["women", "home", "wedding", "diy", "recipe", "decor", "planner", "moms", "crafters"], reason: "your audience plans purchases there" },
      { words: ["traffic", "website", "e-commerce", "ecommerce", "sales", "inspiration", "catalog"], reason: "pins keep sending traffic to product pages for months" },
    ],
    baseline: 0,
    cadence: "5-10 pins a week, scheduled evenings and weekends",
    strength: "idea pins and product pins that link to the site",
  },
  {
    name: "X (Twitter)",
    signals: [
      { words: ["developer", "journalist", "tech", "investor", "crypto", "politic", "media", "early adopter"], reason: "your audience follows real-time conversation there" },
      { words: ["news", "thought leadership", "real-time", "customer support", "announcement", "pr "], reason: "it suits fast updates and public conversation" },
    ],
    baseline: 0,
    cadence: "1-2 posts a day on weekdays, mornings, plus replies",
    strength: "threads, quick takes and replies",
  },
];
