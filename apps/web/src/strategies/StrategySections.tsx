import type { StrategyOutput, StrategySection } from "@strategist/schemas";
import type { ReactNode } from "react";
import { byPriority } from "@/shared/priority";
import { SECTIONS } from "./strategy-sections";
import { CopyButton } from "@/ui/CopyButton";
import "./strategy.css";

/** A section of a strategy with its value, typed together so each section gets its own layout. */
export type SectionContent = { [S in StrategySection]: { section: S; value: StrategyOutput[S] } }[StrategySection];

/** Pairs a section with its value; TypeScript cannot correlate the two through an index type on its own. */
export function contentOf<S extends StrategySection>(section: S, value: StrategyOutput[S]): SectionContent {
  return { section, value } as SectionContent;
}

/** Where a section stands while it is being written; absent on a finished strategy. */
export type SectionState = "waiting" | "writing" | "complete";

/** A section's heading and intro around its body, the same on the detail page and while it is written. */
export function SectionFrame({ section, state, children }: { section: StrategySection; state?: SectionState; children: ReactNode }) {
  const { anchor, title, intro } = SECTIONS[section];
  return (
    <section id={anchor} className="section" aria-labelledby={`${anchor}-title`} data-state={state}>
      <h2 id={`${anchor}-title`}>{title}</h2>
      {intro && <p className="section-intro">{intro}</p>}
      {children}
    </section>
  );
}

/** A section's content. Model text is rendered as React text, so it is always escaped. */
export function SectionBody(content: SectionContent) {
  switch (content.section) {
    case "content_pillars":
      return (
        <ol className="pillars-grid">
          {content.value.map((pillar, index) => (
            <li key={index}>{pillar}</li>
          ))}
        </ol>
      );
    case "posting_schedule":
      return <p className="schedule">{content.value}</p>;
    case "platform_recommendations":
      return (
        <ul className="platforms">
          {byPriority(content.value).map((platform, index) => (
            <li className="platform" key={index}>
              <div className="platform-head">
                <h3>{platform.platform}</h3>
                <span className={`badge priority-${platform.priority}`}>{platform.priority[0]!.toUpperCase() + platform.priority.slice(1)} priority</span>
              </div>
              <p>{platform.rationale}</p>
            </li>
          ))}
        </ul>
      );
    case "content_themes":
      return (
        <ul className="checklist">
          {content.value.map((theme, index) => (
            <li key={index}>{theme}</li>
          ))}
        </ul>
      );
    case "engagement_tactics":
      return (
        <ul className="checklist tactics">
          {content.value.map((tactic, index) => (
            <li key={index}>{tactic}</li>
          ))}
        </ul>
      );
    case "visual_prompts":
      return (
        <ol className="prompts">
          {content.value.map((prompt, index) => (
            <li className="prompt" key={index}>
              <div className="prompt-head">
                <h3>Prompt {index + 1}</h3>
                <CopyButton text={prompt} label={`visual prompt ${index + 1}`} />
              </div>
              <p>{prompt}</p>
            </li>
          ))}
        </ol>
      );
  }
}

function Lines({ count }: { count: number }) {
  return Array.from({ length: count }, (_, index) => <span key={index} className="skeleton-line" />);
}

/**
 * Grey stand-ins for items not written yet, in the list styles of the real items so the page keeps its shape
 * when they arrive. Hidden from assistive technology: progress is announced in words instead.
 */
export function SectionSkeleton({ section, items }: { section: StrategySection; items: number }) {
  const each = (render: (index: number) => ReactNode) => Array.from({ length: items }, (_, index) => render(index));
  switch (section) {
    case "content_pillars":
      return (
        <ol className="pillars-grid skeleton" aria-hidden="true">
          {each((index) => (
            <li key={index}>
              <Lines count={2} />
            </li>
          ))}
        </ol>
      );
    case "posting_schedule":
      return (
        <div className="schedule skeleton" aria-hidden="true">
          <Lines count={3} />
        </div>
      );
    case "platform_recommendations":
      return (
        <ul className="platforms skeleton" aria-hidden="true">
          {each((index) => (
            <li className="platform" key={index}>
              <Lines count={3} />
            </li>
          ))}
        </ul>
      );
    case "content_themes":
    case "engagement_tactics":
      return (
        <ul className={`checklist${section === "engagement_tactics" ? " tactics" : ""} skeleton`} aria-hidden="true">
          {each((index) => (
            <li key={index}>
              <Lines count={1} />
            </li>
          ))}
        </ul>
      );
    case "visual_prompts":
      return (
        <ol className="prompts skeleton" aria-hidden="true">
          {each((index) => (
            <li className="prompt" key={index}>
              <Lines count={3} />
            </li>
          ))}
        </ol>
      );
  }
}
