import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyBrief, composeStrategy, detectLanguage } from "../src/index";
import { headOf } from "../src/copy/text";

const word = fc.stringMatching(/^[A-Za-z]{3,10}$/);
const phrase = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((words) => words.join(" "));
const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((value) => value.trim().length > 0);
const anyBrief = fc.record({ brand_name: text(200), industry: text(200), target_audience: text(2000), goals: text(2000) });

const flat = (value: string) => value.toLowerCase().replace(/\s+/g, " ").trim();
const everything = (output: ReturnType<typeof composeStrategy>) => flat(JSON.stringify(output).replaceAll("\\n", " "));
const high = (output: ReturnType<typeof composeStrategy>) =>
  output.platform_recommendations.filter((platform) => platform.priority === "high").map((platform) => platform.platform);

describe("the offline model reads the whole brief", () => {
  it("property: a field of four or more words is never pasted whole into the strategy", () => {
    fc.assert(
      fc.property(word, phrase(4, 12), phrase(4, 30), phrase(4, 30), (brand, industry, audience, goals) => {
        const output = everything(composeStrategy({ brand_name: brand, industry, target_audience: audience, goals }));
        for (const field of [industry, audience, goals]) expect(output).not.toContain(flat(field));
      }),
      { numRuns: 200 },
    );
  });

  it("property: the short form of a field is never the whole of a long field", () => {
    fc.assert(
      fc.property(text(300), fc.boolean(), fc.boolean(), (field, headLast, audience) => {
        const head = headOf(field, { headLast, audience });
        const whole = field.replace(/\s+/g, " ").trim();
        expect(head.length).toBeGreaterThan(0);
        if (whole.split(" ").length >= 4) expect(head).not.toBe(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("property: the schedule names exactly the recommended platforms, each once", () => {
    fc.assert(
      fc.property(anyBrief, (brief) => {
        const output = composeStrategy(brief);
        const names = output.platform_recommendations.map((platform) => platform.platform);
        expect(new Set(names).size).toBe(names.length);
        for (const name of names) expect(output.posting_schedule.split(`${name}:`).length - 1).toBe(1);
        for (const other of ["LinkedIn", "Instagram", "TikTok", "Facebook", "YouTube", "Pinterest", "Google Business Profile", "X (Twitter)"]) {
          if (!names.includes(other)) expect(output.posting_schedule).not.toContain(`${other}:`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("property: B2B briefs put LinkedIn high and never TikTok or Pinterest", () => {
    const b2bAudience = fc.constantFrom("CFOs and finance decision makers", "HR managers at companies with 200+ staff", "Founders of B2B startups", "Procurement managers at hospitals", "Geschäftsführer im Mittelstand", "DRH et dirigeants d'entreprises", "Directivos de pymes");
    const industry = fc.constantFrom("Payroll software", "Cybersecurity consulting", "Industrial cleaning services", "Logistics platform", "Legal services for companies");
    fc.assert(
      fc.property(word, industry, b2bAudience, phrase(2, 6), (brand, sector, audience, goals) => {
        const output = composeStrategy({ brand_name: brand, industry: sector, target_audience: audience, goals });
        expect(high(output)).toContain("LinkedIn");
        expect(high(output)).not.toContain("TikTok");
        expect(high(output)).not.toContain("Pinterest");
      }),
      { numRuns: 100 },
    );
  });

  it("property: briefs for young consumers rank TikTok or Instagram high and LinkedIn not at all high", () => {
    const young = fc.constantFrom("Gen Z students", "Teens aged 15-19", "Young women aged 18-24", "College students", "Jóvenes de 18 a 25 años", "Jeunes de 18 à 25 ans");
    const industry = fc.constantFrom("Streetwear brand", "Bubble tea shop", "Skincare", "Music festival", "Sneaker store", "Mobile game");
    fc.assert(
      fc.property(word, industry, young, (brand, sector, audience) => {
        const output = composeStrategy({ brand_name: brand, industry: sector, target_audience: audience, goals: "Grow awareness" });
        expect(high(output).some((name) => name === "TikTok" || name === "Instagram")).toBe(true);
        expect(high(output)).not.toContain("LinkedIn");
      }),
      { numRuns: 100 },
    );
  });

  it("property: local services in a named town get Google Business Profile", () => {
    const service = fc.constantFrom("Plumbing services", "Dental clinic", "Hair salon", "Family restaurant", "Physiotherapy practice", "Locksmith");
    const town = fc.constantFrom("Leeds", "Austin", "Lyon", "Bilbao", "Graz");
    fc.assert(
      fc.property(word, service, town, (brand, sector, place) => {
        const output = composeStrategy({ brand_name: brand, industry: sector, target_audience: `Families and homeowners in ${place}`, goals: "More bookings" });
        expect(output.platform_recommendations.map((platform) => platform.platform)).toContain("Google Business Profile");
      }),
      { numRuns: 100 },
    );
  });

  it("files kayak tours under outdoor trips on the water, never hospitality", () => {
    const brief = { brand_name: "Paddle North", industry: "Guided kayak tours", target_audience: "Adventurous travellers aged 25-45", goals: "Sell out summer weekends" };
    expect(classifyBrief(brief).family).toBe("water");
    const output = everything(composeStrategy(brief));
    expect(output).toMatch(/kayak|paddl/);
    for (const hotelWord of ["room", "coffee", "hotel", "check-in"]) expect(output).not.toMatch(new RegExp(`\\b${hotelWord}`));
  });

  it("puts Pinterest high for weddings and home, and YouTube high for tutorials", () => {
    expect(high(composeStrategy({ brand_name: "Veil", industry: "Bridal boutique", target_audience: "Engaged women planning a wedding", goals: "Book fittings" }))).toContain("Pinterest");
    expect(high(composeStrategy({ brand_name: "Nook", industry: "Home decor store", target_audience: "Women decorating a first flat", goals: "Online sales" }))).toContain("Pinterest");
    expect(high(composeStrategy({ brand_name: "FixIt", industry: "Bike repair tutorials", target_audience: "Commuters who learn to fix their own bikes", goals: "Grow subscribers" }))).toContain("YouTube");
  });

  it("writes in the brief's language: Spanish, German and French briefs get answers in their language", () => {
    const briefs = {
      es: { brand_name: "Sol", industry: "Panadería artesanal", target_audience: "Familias del barrio que buscan pan de verdad", goals: "Más ventas los fines de semana" },
      de: { brand_name: "Sonne", industry: "Handwerksbäckerei", target_audience: "Familien und Berufstätige in der Nachbarschaft", goals: "Mehr Kunden am Wochenende" },
      fr: { brand_name: "Soleil", industry: "Boulangerie artisanale", target_audience: "Les familles du quartier qui cherchent du bon pain", goals: "Plus de ventes le week-end" },
      en: { brand_name: "Sun", industry: "Artisan bakery", target_audience: "Families in the neighbourhood who want real bread", goals: "More sales at weekends" },
    } as const;
    for (const [language, brief] of Object.entries(briefs)) {
      const output = composeStrategy(brief);
      const prose = [...output.content_pillars, ...output.content_themes, ...output.engagement_tactics, ...output.platform_recommendations.map((p) => p.rationale)].join(" ");
      expect(detectLanguage(prose), language).toBe(language);
    }
  });

  it("says plainly that it writes English when the brief is in another language", () => {
    const output = composeStrategy({ brand_name: "Da Nino", industry: "Ristorante tradizionale", target_audience: "Famiglie e turisti a Bologna", goals: "Aumentare le prenotazioni nel fine settimana" });
    expect(output.posting_schedule).toMatch(/written in Italian.*writes English, Spanish, German and French only/);
    expect(detectLanguage(output.content_themes.join(" "))).toBe("en");
  });
});

describe("detectLanguage", () => {
  it("tells the four written languages apart and names others", () => {
    expect(detectLanguage("Jóvenes profesionales y familias de Madrid que buscan comer sano")).toBe("es");
    expect(detectLanguage("Logistikleiter und Geschäftsführer mittelständischer Unternehmen in Deutschland")).toBe("de");
    expect(detectLanguage("Femmes de 25 à 40 ans soucieuses de leur peau")).toBe("fr");
    expect(detectLanguage("Owners and finance leads of creative agencies")).toBe("en");
    expect(detectLanguage("Famiglie e turisti a Bologna che cercano una cucina della tradizione")).toBe("it");
    expect(detectLanguage("東京の若い会社員")).toBe("other");
    expect(detectLanguage("B2B SaaS")).toBe("en");
  });
});
