/** What the offline composer knows about a kind of business: words that identify it and material to draw on. */
export interface IndustryProfile {
  name: string;
  keywords: string[];
  pillars: string[];
  themes: string[];
  scenes: string[];
}

export const INDUSTRIES: IndustryProfile[] = [
  {
    name: "software",
    keywords: ["saas", "software", "tech", "app", "cloud", "ai", "developer", "platform", "it ", "cyber", "data"],
    pillars: ["Product education and how-tos", "Customer success stories", "Industry insight and thought leadership", "Behind the build: team and roadmap", "Integrations and ecosystem", "Security and reliability proof points"],
    themes: ["A 60-second walkthrough of the feature customers ask about most", "Before-and-after of a workflow {brand} automates", "A customer's measurable result told in their own words", "Myths about {industry} tools, answered by an engineer", "What shipped this month and why it matters", "A teardown of a common mistake teams make in {industry}", "An AMA with the founder about where {industry} is heading", "A checklist post your audience will save and share"],
    scenes: ["a product team gathered around a large monitor showing a clean dashboard", "a developer's desk at golden hour with a laptop showing a code editor and a sticky-note roadmap", "a split-screen of a cluttered spreadsheet and a tidy automated dashboard"],
  },
  {
    name: "food",
    keywords: ["food", "restaurant", "cafe", "coffee", "bakery", "kitchen", "catering", "beverage", "brew", "bar", "dining", "snack"],
    pillars: ["Signature dishes and seasonal menus", "From the kitchen: craft and sourcing", "Community and local partnerships", "Guest moments and reviews", "Recipes and tips to try at home", "Events and limited-time offers"],
    themes: ["The story behind {brand}'s most-ordered item", "A chef's three-step technique anyone can try at home", "Meet the local farmer or roaster behind this week's ingredients", "Guest of the week: a regular's favourite order", "Seasonal menu reveal with a countdown", "A day in the kitchen, from morning prep to last service", "Staff picks pairing guide", "Vote on next month's special"],
    scenes: ["a steaming signature dish on a rustic wooden table lit by warm window light", "a chef's hands plating a dish in a bustling open kitchen", "a cozy corner table with regulars laughing over coffee"],
  },
  {
    name: "fashion and beauty",
    keywords: ["fashion", "apparel", "clothing", "beauty", "cosmetic", "skincare", "jewelry", "jewellery", "style", "boutique", "makeup", "wear"],
    pillars: ["Style inspiration and lookbooks", "Product craftsmanship and materials", "Customer and creator features", "Trends and seasonal drops", "Care guides and how-to-wear tips", "Values: sustainability and inclusivity"],
    themes: ["Three ways to wear {brand}'s bestseller", "The making of this season's collection", "Real customers styling their favourite piece", "Trend report: what your audience will wear next month", "Get-ready-with-me featuring a routine built on {brand}", "Material spotlight: where it comes from and why it lasts", "Creator collaboration unboxing", "Care guide that makes pieces last longer"],
    scenes: ["a model in natural light on a city street wearing a layered seasonal outfit", "a flat lay of products on linen with soft shadows and handwritten labels", "a diverse group of friends trying on pieces in a bright studio"],
  },
  {
    name: "fitness and wellness",
    keywords: ["fitness", "gym", "wellness", "health", "yoga", "sport", "nutrition", "coach", "training", "spa", "meditation", "pilates"],
    pillars: ["Workouts and practical routines", "Member transformations", "Nutrition and recovery", "Coach expertise", "Community challenges", "Mindset and motivation"],
    themes: ["A 10-minute routine members can do anywhere", "A member's progress story with their own words", "Coach myth-busting: common training mistakes", "Meal-prep ideas that support this month's goal", "30-day community challenge kickoff", "Recovery routine after a hard session", "Behind the scenes of a class at {brand}", "Weekly motivation from the team"],
    scenes: ["a small group class mid-workout in a sunlit studio, energetic and candid", "a coach guiding a member through a stretch with encouraging expression", "a tidy meal-prep spread of colourful bowls on a kitchen counter"],
  },
  {
    name: "finance",
    keywords: ["finance", "fintech", "bank", "insurance", "invest", "accounting", "tax", "credit", "wealth", "payments", "loan"],
    pillars: ["Money education made simple", "Trust and security", "Customer outcomes", "Market and policy explainers", "Product how-tos", "Team expertise"],
    themes: ["Plain-language explainer of a term your audience finds confusing", "A customer's journey to a financial milestone", "What this month's rate change means for you", "Three-step checklist before a big financial decision", "How {brand} protects your data, shown simply", "Ask-an-expert Q&A", "Common money myths, corrected", "Tool tutorial: getting the most from {brand}"],
    scenes: ["a young couple at a kitchen table reviewing a budget app together, relaxed and confident", "a clean infographic-style illustration of a savings goal progress bar", "an advisor explaining a chart to a client in a bright modern office"],
  },
  {
    name: "education",
    keywords: ["education", "edtech", "school", "course", "learning", "tutor", "university", "training", "academy", "teach"],
    pillars: ["Learning tips and study skills", "Student success stories", "Expert teaching moments", "Program and course highlights", "Career outcomes", "Community and events"],
    themes: ["One concept explained in under a minute", "A graduate's story: where they started and where they are now", "Study routine template students can save", "Instructor spotlight with a mini-lesson", "Common exam mistakes and how to avoid them", "Open-day or webinar invitation", "Learner questions answered live", "Career paths unlocked by {brand}'s programs"],
    scenes: ["students collaborating around a table with laptops and notebooks in warm light", "an instructor sketching a diagram on a whiteboard mid-explanation", "a graduate smiling on their first day at a new job"],
  },
  {
    name: "travel and hospitality",
    keywords: ["travel", "hotel", "tourism", "hospitality", "resort", "airline", "vacation", "tour", "booking", "hostel"],
    pillars: ["Destination inspiration", "Guest experiences", "Local culture and partners", "Insider tips and guides", "Offers and seasons", "Sustainability and care"],
    themes: ["A perfect 48 hours near {brand}", "Guest photo of the week and their story", "Hidden local spots our staff love", "Packing guide for the season", "Behind the scenes of getting a room ready", "Seasonal offer with a clear deadline", "Meet the local artisans we partner with", "Sunrise-to-sunset timelapse of the property"],
    scenes: ["a guest on a balcony at sunrise overlooking the landscape with a cup of coffee", "a bustling local market with vivid colours and friendly vendors", "a beautifully made room with soft morning light and a welcome note"],
  },
  {
    name: "retail and e-commerce",
    keywords: ["retail", "ecommerce", "e-commerce", "shop", "store", "marketplace", "dtc", "consumer", "goods", "home", "furniture", "toy", "pet"],
    pillars: ["Product discovery and demos", "Customer reviews and unboxings", "Gift and use-case guides", "Brand story and values", "Offers and launches", "Community and user content"],
    themes: ["Product in action: a 15-second demo", "Unboxing by a real customer", "Gift guide for your audience's next occasion", "How it's made: the story behind {brand}", "Launch countdown with early access", "Customer photo roundup", "Comparison: which product fits which need", "Limited bundle built around a seasonal moment"],
    scenes: ["hands unboxing a package on a bright table with the product revealed", "a lifestyle shot of the product in use at home, natural light", "a neatly arranged gift set with a seasonal backdrop"],
  },
  {
    name: "nonprofit",
    keywords: ["nonprofit", "non-profit", "charity", "ngo", "foundation", "cause", "volunteer", "community organization"],
    pillars: ["Impact stories", "Volunteer and donor spotlights", "Education about the cause", "Transparency and progress", "Calls to action and events", "Partner recognition"],
    themes: ["One person's story of impact, in their words", "Where every donation goes, shown simply", "Volunteer of the month", "Three facts about the cause most people don't know", "Event recap with the next way to get involved", "Milestone update with thanks to supporters", "Partner spotlight", "A day in the field with the team"],
    scenes: ["volunteers working side by side outdoors, smiling and focused", "a beneficiary and a volunteer sharing a warm moment", "a simple illustrated progress bar toward a community goal"],
  },
  {
    name: "professional services",
    keywords: ["consulting", "agency", "legal", "law", "real estate", "architecture", "recruit", "b2b", "services", "marketing", "firm"],
    pillars: ["Expert insight", "Client results", "Process transparency", "Team and culture", "Industry news explained", "Practical guides"],
    themes: ["A client's problem and how {brand} solved it", "Five questions to ask before hiring in {industry}", "Our process, step by step", "Team member spotlight with a practical tip", "What a recent change in {industry} means for clients", "A downloadable checklist", "Founder's take on a common misconception", "Live Q&A with an expert"],
    scenes: ["a small team in a bright meeting room sketching ideas on a glass wall", "a consultant shaking hands with a satisfied client in an office lobby", "a close-up of a notebook with a clear process diagram"],
  },
];

export const GENERAL_INDUSTRY: IndustryProfile = {
  name: "general",
  keywords: [],
  pillars: ["Educational content that solves real problems", "Customer stories and proof", "Behind the scenes", "Brand values and mission", "Community and conversation", "Offers and news"],
  themes: ["The problem {brand} solves, told through one customer", "A quick tip your audience can use today", "Behind the scenes of a normal day at {brand}", "Frequently asked questions, answered briefly", "Team member spotlight", "A milestone and the people who made it happen", "Poll: what should we make next?", "Trends in {industry} and what they mean for you"],
  scenes: ["the team at {brand} at work in their everyday space, candid and warm", "a customer using the product in a natural setting with soft daylight", "a clean branded quote card with bold typography on a textured background"],
};
