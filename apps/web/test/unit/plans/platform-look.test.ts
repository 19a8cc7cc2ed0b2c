import { PLAN_PLATFORMS } from "@strategist/schemas/platforms";
import { describe, expect, it } from "vitest";
import { platformLook, PLATFORM_LOOKS } from "@/plans/platform-look";

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((start) => {
      const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe("platform looks", () => {
  it("gives every plan platform its own colour and mark, white marks at 4.5:1 or more", () => {
    const looks = PLAN_PLATFORMS.map(platformLook);
    expect(new Set(looks.map((look) => look.mark)).size).toBe(PLAN_PLATFORMS.length);
    expect(new Set(looks.map((look) => look.colour)).size).toBe(PLAN_PLATFORMS.length);
    for (const look of Object.values(PLATFORM_LOOKS)) expect(contrast(look.colour, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});
