import type { LanguagePack } from "./types";
import { cap, lower } from "./text";

const families: LanguagePack["families"] = {
  nonprofit: {
    offer: "The work your supporters make possible",
    customers: "supporters",
    moments: ["A volunteer shift from the first box to the last", "The moment help reaches a family"],
    scenes: ["volunteers in matching aprons sorting donations at long tables in a bright community hall, focused and smiling", "a volunteer handing a full bag to a neighbour at a doorstep, both laughing, late-afternoon light"],
    tips: ["Three ways to help that take less than an hour", "Where one monthly donation goes"],
    pillars: ["Stories of the people your work reaches", "Volunteers and donors in the spotlight", "Open numbers: what each donation achieves"],
  },
  water: {
    offer: "Guided trips on the water",
    customers: "paddlers",
    moments: ["The first launch of the day", "The quiet stretch far from the road"],
    scenes: ["a guide pushing off from a pebble shore with two guests in bright kayaks, early mist over still water", "three paddlers resting on their paddles in a calm bay framed by green hills, seen from behind"],
    tips: ["What to wear on the water, whatever the weather", "How our guides choose the route on the day"],
    pillars: ["Routes on the water worth the early start", "Safety and paddling skills, taught by the guides", "Guests' first-trip stories"],
  },
  surf: {
    offer: "Surf lessons for every level",
    customers: "surfers",
    moments: ["The first wave a beginner stands up on", "Reading the sea before the lesson"],
    scenes: ["a beginner standing up on a soft-top board in white water, an instructor cheering nearby, late-morning sun", "an instructor and a small group on the sand pointing at the sets rolling in, boards lined up beside them"],
    tips: ["What to bring to a first surf lesson", "How to choose the right board for your level"],
    pillars: ["Lessons and progress on the board", "Ocean safety and reading the waves", "The beach community"],
  },
  mountain: {
    offer: "Guided days in the mountains",
    customers: "hikers",
    moments: ["Setting off on the trail at first light", "The view from the summit"],
    scenes: ["a guide leading a small group up a rocky trail at sunrise, packs on, valleys in shadow below", "hikers resting at a summit cairn above a sea of clouds, seen from behind"],
    tips: ["What to pack for a full day on the trail", "How our guides choose a route for the weather"],
    pillars: ["Trails and routes worth the climb", "Mountain safety and skills, taught by the guides", "Hikers' stories from the trail"],
  },
  weddings: {
    offer: "Wedding days told in pictures",
    customers: "couples",
    moments: ["The last ten minutes before the ceremony", "Golden-hour portraits away from the crowd"],
    scenes: ["a bride's hands adjusting the groom's buttonhole in soft window light, shallow depth of field", "a couple walking hand in hand through a lavender field at golden hour, photographed from a distance"],
    tips: ["How to plan a timeline that leaves room for portraits", "What to ask a wedding photographer before you book"],
    pillars: ["Real weddings, start to finish", "Planning advice for engaged couples", "Behind the camera on the day"],
  },
  pets: {
    offer: "Better days for dogs and their owners",
    customers: "dog owners",
    moments: ["Unboxing day with a very curious dog", "The bowl test: first meal of a new recipe"],
    scenes: ["a golden retriever sniffing an opened delivery box on a kitchen floor, its owner laughing in the background", "a small terrier mid-bite at a ceramic bowl, photographed at dog eye level in morning light"],
    tips: ["How to switch a dog to a new food without upsetting its stomach", "How much to feed: portions by size and activity"],
    pillars: ["Healthy feeding made simple", "Customers' dogs as the stars", "What goes into every recipe"],
  },
  property: {
    offer: "Homes for sale and to let nearby",
    customers: "buyers",
    moments: ["The first walk-through of a new listing", "Handing over the keys"],
    scenes: ["an estate agent opening the front door of a bright terraced house to a young couple, morning light in the hallway", "a family holding a set of keys in front of their new home, candid and joyful"],
    tips: ["What a first-time buyer should check at a viewing", "How a valuation is worked out"],
    pillars: ["New listings with a story", "Advice for first-time buyers and sellers", "The neighbourhood, street by street"],
  },
  trades: {
    offer: "Fast, tidy repairs at home",
    customers: "homeowners",
    moments: ["A leak fixed before breakfast", "Before and after a bathroom refit"],
    scenes: ["a plumber in a branded uniform fixing a pipe under a kitchen sink, tools neatly laid out on a towel", "a split image of an old corroded boiler and the clean new installation that replaced it"],
    tips: ["What to do in the first five minutes of a burst pipe", "Three signs a boiler needs a service"],
    pillars: ["Quick fixes homeowners can do safely", "Jobs of the week, before and after", "Why customers call us again"],
  },
  legal: {
    offer: "Clear legal advice",
    customers: "clients",
    moments: ["A first consultation, explained step by step", "The day a case is resolved"],
    scenes: ["a lawyer and a client reviewing documents across a wooden desk in a calm, well-lit office, seen over the client's shoulder", "a family leaving a court building on a sunny morning, relieved, photographed from a respectful distance"],
    tips: ["Which documents to bring to a first meeting", "The most common misunderstanding about your rights"],
    pillars: ["Your rights in plain language", "How the process works, step by step", "The team behind each case"],
  },
  health: {
    offer: "Care you can book easily",
    customers: "patients",
    moments: ["A first appointment from the patient's side", "What happens during a check-up"],
    scenes: ["a friendly clinician explaining a model to a relaxed patient in a bright treatment room with plants", "a receptionist greeting a parent and child at a calm, modern front desk"],
    tips: ["How to prepare for a first appointment", "Small daily habits that protect your health"],
    pillars: ["Prevention and everyday care", "Meet the clinicians", "What to expect at each visit"],
  },
  finance: {
    offer: "Money matters made clear",
    customers: "clients",
    moments: ["A planning session, from first question to plan", "Month-end, with the numbers in order"],
    scenes: ["an adviser and a client in their fifties reviewing a simple savings chart on a tablet at a kitchen table", "a tidy desk with a laptop showing a clear cash-flow dashboard next to a paper invoice and a cup of tea"],
    tips: ["Three questions to ask before any financial decision", "The deadline most people forget, and how to be ready"],
    pillars: ["Plain-language money explainers", "Planning and savings, step by step", "Trust: who we are and how we work"],
  },
  music: {
    offer: "New music and live shows",
    customers: "fans",
    moments: ["Writing a song from the first line", "The soundcheck before a gig"],
    scenes: ["a singer-songwriter with an acoustic guitar writing lyrics in a notebook on a bed, warm lamp light", "a small stage from the back of an empty venue during soundcheck, coloured lights, the band tuning"],
    tips: ["The story behind the lyrics of the new song", "How the tour setlist gets chosen"],
    pillars: ["The making of the music", "Life on tour", "Fans and their covers"],
  },
  creator: {
    offer: "New episodes every week",
    customers: "viewers",
    moments: ["Recording a new episode", "Editing day: cutting an hour down to ten minutes"],
    scenes: ["a creator at a desk with a microphone and a ring light, mid-sentence, in a cosy home studio", "a laptop screen with a video timeline being edited, notes on a tidy desk lit by a window"],
    tips: ["The question viewers ask most, answered in one minute", "How an episode is planned, from idea to upload"],
    pillars: ["The episodes and what they teach", "Behind the channel", "The community's questions and ideas"],
  },
  beauty: {
    offer: "Makeup and skincare that works",
    customers: "customers",
    moments: ["A five-minute everyday look", "Testing a new product on real skin"],
    scenes: ["a close-up of a young woman applying a tinted balm in a bathroom mirror, natural daylight, no retouching", "a flat lay of skincare bottles and a swatch card on light linen, soft shadows"],
    tips: ["How to build a routine for your skin type", "Which product to use first, and why the order matters"],
    pillars: ["Looks and routines to copy", "Ingredients explained simply", "Real skin, real customers"],
  },
  fashion: {
    offer: "Clothes made to last",
    customers: "customers",
    moments: ["One piece styled three ways", "From fabric to finished garment"],
    scenes: ["a young woman in an oversized linen shirt walking along a city street, natural light, candid", "hands cutting organic cotton fabric on a workshop table, patterns pinned on the wall behind"],
    tips: ["How to care for natural fabrics so they last", "How to build a small wardrobe that works every day"],
    pillars: ["Style ideas and outfits", "Materials and how they are made", "Customers wearing the collection"],
  },
  fitness: {
    offer: "Workouts that fit a working week",
    customers: "members",
    moments: ["The six o'clock class at full energy", "A member's first personal best"],
    scenes: ["a group workout mid-session in an industrial gym, chalk in the air, a coach counting down", "a member celebrating a personal best on the rowing machine while the coach high-fives them"],
    tips: ["A 15-minute workout for busy days", "How to start training after a long break"],
    pillars: ["Training tips from the coaches", "Member progress stories", "The community around the classes"],
  },
  hospitality: {
    offer: "Stays worth remembering",
    customers: "guests",
    moments: ["Getting a room ready for arrival", "Breakfast on the terrace"],
    scenes: ["a housekeeper placing a handwritten welcome card on a freshly made bed, morning sun through shutters", "a couple having breakfast on a sunny terrace with orange trees, seen from the doorway"],
    tips: ["A perfect day in the neighbourhood, from our staff", "When to book for the best rates"],
    pillars: ["The stay, detail by detail", "The city through local eyes", "Guests and their stories"],
  },
  food: {
    offer: "Dishes made from scratch",
    customers: "regulars",
    moments: ["The morning prep before opening", "The dish everyone orders"],
    scenes: ["a cook chopping fresh vegetables at a steel counter in an open kitchen, steam rising, morning light", "a signature dish served on a rustic wooden table, hands reaching in to share, warm evening light"],
    tips: ["The story behind this week's menu", "A simple recipe from our kitchen to try at home"],
    pillars: ["Dishes and seasonal menus", "From the kitchen: people and ingredients", "Regulars and the neighbourhood"],
  },
  bakery: {
    offer: "Bread and cakes baked every morning",
    customers: "regulars",
    moments: ["The bakehouse at four in the morning", "The loaf everyone asks for"],
    scenes: ["a baker shaping loaves on a floured wooden bench before dawn, steam rising from the oven", "a celebration cake on a rustic wooden table, hands reaching for slices, warm afternoon light"],
    tips: ["The story behind this week's bake", "How to keep bread fresh for days"],
    pillars: ["Breads, cakes and seasonal bakes", "From the bakehouse: people and flour", "Regulars and the neighbourhood"],
  },
  cafe: {
    offer: "Coffee worth crossing the street for",
    customers: "regulars",
    moments: ["The first espresso of the morning rush", "A new single-origin on the bar"],
    scenes: ["a barista pouring latte art into a ceramic cup on a wooden counter, morning light through the window", "students with laptops and flat whites at a long shared table, candid and relaxed"],
    tips: ["How our barista dials in the espresso each morning", "Which coffee to order if you usually take milk"],
    pillars: ["Coffee, brewed with care", "The people behind the bar", "A place to work, meet and stay"],
  },
  bar: {
    offer: "Wines worth discovering by the glass",
    customers: "guests",
    moments: ["Opening a new bottle for the evening list", "A tasting night at the bar"],
    scenes: ["a sommelier pouring a glass of red for two friends at a zinc bar, warm evening light", "a long table set for a tasting with glasses, small plates and handwritten labels"],
    tips: ["How to choose a wine you will like", "What to pair with this week's plates"],
    pillars: ["Wines and the people who make them", "Evenings at the bar", "Tastings and small events"],
  },
  drinks: {
    offer: "Drinks with a flavour of their own",
    customers: "fans",
    moments: ["Tasting the new flavour for the first time", "A can on the desk at two in the morning"],
    scenes: ["friends reacting as they taste a new flavour straight from the can, neon light, candid", "a gaming desk at night with a glowing keyboard and a cold can catching the light"],
    tips: ["Which flavour fits which moment", "How the new flavour was developed"],
    pillars: ["Flavours and launches", "Fans and their moments", "Culture: games, music and events"],
  },
  retail: {
    offer: "Products people love to use",
    customers: "customers",
    moments: ["A new arrival unboxed", "A product in everyday use"],
    scenes: ["hands opening a kraft-paper parcel on a bright table, the product revealed in tissue paper", "the product in everyday use at home or on the street, natural light, an honest unposed moment"],
    tips: ["How to choose the right model for you", "Three ways customers use it that we did not expect"],
    pillars: ["Products in real life", "Choosing well: guides and comparisons", "Customers' photos and reviews"],
  },
  home: {
    offer: "Homes that feel like yours",
    customers: "homeowners",
    moments: ["A room transformed in one weekend", "Choosing materials for a new space"],
    scenes: ["a bright living space after a makeover, linen cushions and a wool throw on a sofa, afternoon light", "hands laying fabric and wood samples on a large table next to a floor plan"],
    tips: ["How to choose colours that work together", "Three small changes that make a space feel bigger"],
    pillars: ["Design ideas for real homes", "Materials and craft", "Finished projects and their owners"],
  },
  education: {
    offer: "Lessons that make learning stick",
    customers: "learners",
    moments: ["One idea explained in a minute", "A learner's first success"],
    scenes: ["a teacher sketching a simple diagram on a whiteboard while two adult learners take notes", "a learner smiling at a laptop after finishing a lesson, a notebook full of phrases beside it"],
    tips: ["A five-minute daily practice routine", "The mistake most beginners make"],
    pillars: ["Quick lessons you can use today", "Learner success stories", "How the course works"],
  },
  professional: {
    offer: "Expert advice for growing teams",
    customers: "clients",
    moments: ["A client workshop in progress", "The moment a project delivers"],
    scenes: ["consultants and a client team around a whiteboard covered in sticky notes, one person presenting", "two people shaking hands across a meeting table with a printed report between them"],
    tips: ["Five questions to ask before hiring an adviser", "The first 30 days of a new project"],
    pillars: ["Expert points of view", "Client results", "How we work"],
  },
  software: {
    offer: "Software that saves teams hours",
    customers: "customers",
    moments: ["A 60-second product walkthrough", "A customer's workflow before and after"],
    scenes: ["a product manager presenting a clean dashboard on a large screen to three colleagues, bright office", "a split image of a cluttered spreadsheet and the same numbers in a tidy automated dashboard"],
    tips: ["The feature customers ask about most", "The mistake teams make when they switch tools"],
    pillars: ["Product education and how-tos", "Customer results in numbers", "Industry insight from the team"],
  },
  general: {
    offer: "What we make and why",
    customers: "customers",
    moments: ["A normal day behind the scenes", "A customer using what we make"],
    scenes: ["the team at work in their everyday space, candid and warm, daylight", "a customer using the product in a natural setting with soft daylight"],
    tips: ["The question we hear most, answered", "A quick tip you can use today"],
    pillars: ["What we make and how", "Customer stories", "The people behind the brand"],
  },
};


export const en: LanguagePack = {
  families,
  goals: {
    donations: { phrase: "regular donations and volunteers", cta: "donate or sign up to volunteer" },
    downloads: { phrase: "more app downloads", cta: "download the app" },
    bookings: { phrase: "more bookings", cta: "book a date" },
    leads: { phrase: "qualified enquiries", cta: "ask for a conversation" },
    visits: { phrase: "more visits on quiet days", cta: "come by this week" },
    sales: { phrase: "more sales", cta: "order online" },
    community: { phrase: "a loyal following", cta: "follow for the next one" },
    awareness: { phrase: "wider recognition", cta: "follow and share" },
  },
  themes: ({ brand, copy, industry, goal }) => [
    { text: `Behind the scenes at ${brand}: ${lower(copy.moments[0])}`, scene: 0 },
    { text: `${cap(industry)} done differently: three things ${copy.customers} notice first at ${brand}` },
    { text: `${copy.tips[0]}, explained in a 30-second video` },
    { text: `${copy.moments[1]}: a photo series from a real week`, scene: 1 },
    { text: `${copy.tips[1]}: a carousel ${copy.customers} will want to save` },
    { text: `The five questions ${copy.customers} ask most, answered by the ${brand} team` },
    { text: `A customer story: why one of our ${copy.customers} keeps coming back` },
    { text: `This month's invitation to ${goal.cta}, with one clear reason to do it now` },
  ],
  pillars: ({ copy, goal }) => [`Reasons to ${goal.cta}, shown rather than told`, `The ${copy.customers} we serve, in their own words`],
  tactics: {
    regulated: () => "Have every post checked against the advertising rules of your profession before it goes out: no promised results, and a clear line on when to get personal advice",
    reviews: (c) => `Ask happy ${c.copy.customers} for a Google review right after their visit, and answer every review within a day, by name`,
    b2b: (c) => `Have two people at ${c.brand} each share one lesson from client work on LinkedIn every week, in their own words`,
    trend: (c) => `Join one relevant trend a week with a ${c.brand} twist, within two days of it starting`,
    donations: () => `Thank every new donor or volunteer by name (with their consent) and show what their help made possible`,
    reply: (c) => `Reply to every comment on ${c.platforms[0]!.name} within the first hour, and turn the best question into next week's post`,
    poll: (c) => `Ask ${c.audience} in a monthly poll which topic ${c.brand} should cover next, and publish the result`,
    photos: (c) => `Invite ${c.copy.customers} to share their own photos with a ${c.brand} hashtag, and repost one a week with their permission`,
    live: (c) => `Host a monthly live Q&A where ${c.copy.customers} ask the ${c.brand} team anything about ${lower(c.copy.offer)}`,
    nextStep: (c) => `End every post with one clear next step: ${c.goal.cta}`,
  },
  rationale: (platform, { brand, copy, audience, goal, profile }) => {
    const who = cap(audience);
    switch (platform) {
      case "linkedin":
        return profile.market === "b2b"
          ? `${who} compare suppliers and follow experts on LinkedIn, so ${brand} earns their trust there with short expert posts and document carousels, each leading to ${goal.phrase}.`
          : `LinkedIn reaches the working professionals among ${audience}; ${brand} can use it for credibility, partnerships and hiring rather than as the main sales channel.`;
      case "instagram":
        return `${who} discover new favourites through photos and Reels before they decide; Instagram lets ${brand} show ${lower(copy.moments[0])} and turn that interest into ${goal.phrase}.`;
      case "tiktok":
        return `TikTok is where ${audience} spend hours a day, and its feed shows new accounts to strangers, so short, honest videos from ${brand} can reach them without an ad budget.`;
      case "facebook":
        return profile.reach === "local"
          ? `${who} use Facebook groups and events to find recommendations nearby, which makes it ${brand}'s place for events, reviews and ${goal.phrase}.`
          : `Facebook still reaches the widest mix of ages, including ${audience}; community posts, events and targeted ads there bring ${brand} ${goal.phrase}.`;
      case "youtube":
        return `${who} search YouTube to learn before they commit; longer videos about ${lower(copy.tips[0])} keep bringing ${brand} viewers for months.`;
      case "pinterest":
        return `${who} collect ideas on Pinterest long before they buy; pins that link to ${brand}'s site keep sending visitors for months after they are posted.`;
      case "google":
        return `People nearby search Google Maps at the moment they decide where to go or whom to call; a complete profile with photos, opening hours and answered reviews turns those searches into ${goal.phrase} for ${brand}.`;
      case "x":
        return `X is where ${audience} follow news and debate in real time, so ${brand} can join those conversations with quick takes and be noticed by journalists.`;
    }
  },
  cadence: {
    linkedin: "3 posts a week, Tuesday to Thursday between 8 and 10 am",
    instagram: "4 feed posts or Reels a week plus daily Stories, around lunchtime and 7-9 pm",
    tiktok: "1 short video a day on weekdays, posted between 6 and 10 pm",
    facebook: "3 posts a week on weekdays around 1-3 pm, plus events as they come",
    youtube: "1 long video every two weeks plus 2 Shorts a week",
    pinterest: "5-10 pins a week, scheduled for evenings and weekends",
    google: "1 update with a photo every week, and answers to new reviews within a day",
    x: "1-2 posts a day on weekdays in the morning, plus replies",
  },
  scheduleClose: ({ brand }) => `Plan two weeks ahead, keep one slot a week for something timely, and review what worked for ${brand} every Friday.`,
  visual: (theme, scene) => `Photo for the post "${theme}": ${scene}. Natural light and real people rather than models; 4:5 portrait with calm space at the top for a headline.`,
};

/** The sentence an English strategy for a brief in another language starts its schedule with. */
export function otherLanguageNote(language: string): string {
  return `This brief looks written in ${language}; the offline model writes English, Spanish, German and French only, so this strategy is in English.`;
}
