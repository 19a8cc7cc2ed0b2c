import { describe, expect, it } from "vitest";
import { isPlanPlatform, PLAN_PLATFORMS, PLATFORM_IDS, PLATFORMS, platformOf, platformsIn, planPlatformOf, type PlatformId } from "../src/platforms";

describe("the platform table", () => {
  it("knows every plan platform, Google Business Profile and Bluesky included, each under its own id", () => {
    expect(PLATFORM_IDS).toEqual([...PLAN_PLATFORMS]);
    expect(PLAN_PLATFORMS).toEqual(expect.arrayContaining(["google", "bluesky"]));
    for (const id of PLATFORM_IDS) expect(PLATFORMS[id].id).toBe(id);
  });

  it("reads each platform's own label back as that platform", () => {
    for (const id of PLATFORM_IDS) {
      expect(platformOf(PLATFORMS[id].label)).toBe(id);
      expect(platformsIn(`We post on ${PLATFORMS[id].label} every week.`)).toEqual([id]);
    }
  });

  it("finds every platform a text names, in table order", () => {
    const texts: [string, PlatformId[]][] = [
      ["LinkedIn: Tuesday 9 am; Instagram: daily at 6 pm", ["instagram", "linkedin"]],
      ["drop X and more tik tok", ["x", "tiktok"]],
      ["grow our insta and fb pages", ["instagram", "facebook"]],
      ["customers find us on Google Maps", ["google"]],
      ["customers find us on Google", []],
      ["we grew 3x last year in the next town", []],
      ["follow us on x.com or Twitter", ["x"]],
      ["Xing and Snapchat", []],
    ];
    for (const [text, ids] of texts) expect(platformsIn(text)).toEqual(ids);
  });

  it("reads nicknames only where a whole name is one platform", () => {
    const names: [string, PlatformId | undefined][] = [
      ["Meta", "facebook"],
      ["Reels", "instagram"],
      ["x", "x"],
      ["Google", "google"],
      ["Snapchat", undefined],
    ];
    for (const [name, id] of names) expect(platformOf(name)).toBe(id);
    expect(platformsIn("Meta Reels on Google")).toEqual([]);
  });

  it("maps a name to a plan platform only when a plan writes for it", () => {
    for (const id of PLATFORM_IDS) expect(planPlatformOf(PLATFORMS[id].label)).toBe(isPlanPlatform(id) ? id : undefined);
  });
});
