import type { StrategyRecord } from "@strategist/schemas";
import { formatDate, OFFLINE_MODEL } from "@/lib/format";
import { byPriority } from "@/lib/markdown";
import { CopyButton } from "./CopyButton";
import { ModelBadge } from "./ModelBadge";
import { StrategyActions } from "./StrategyActions";

const SECTIONS = [
  { id: "pillars", title: "Content pillars" },
  { id: "schedule", title: "Posting schedule" },
  { id: "platforms", title: "Platforms" },
  { id: "themes", title: "Content themes" },
  { id: "tactics", title: "Engagement tactics" },
  { id: "visuals", title: "Visual prompts" },
] as const;

/** A strategy laid out for reading. Model text is rendered as React text, so it is always escaped. */
export function StrategyView({ strategy }: { strategy: StrategyRecord }) {
  const output = strategy.strategy_output;
  return (
    <article aria-labelledby="strategy-title">
      <header className="strategy-head">
        <span className="eyebrow" style={{ marginBottom: 0 }}>
          Social media strategy
        </span>
        <h1 id="strategy-title">{strategy.brand_name}</h1>
        <div className="strategy-meta">
          <span>{strategy.industry}</span>
          <span>
            Created <time dateTime={strategy.created_at}>{formatDate(strategy.created_at)}</time>
          </span>
          <ModelBadge model={strategy.model} />
        </div>
        {strategy.model === OFFLINE_MODEL && (
          <p className="offline-note">
            Written by Strategist&apos;s built-in offline model from templates — not by an AI language model. Use it as a
            starting point and review it before publishing.
          </p>
        )}
      </header>

      <StrategyActions strategy={strategy} />

      <dl className="brief">
        <div>
          <dt>Target audience</dt>
          <dd>{strategy.target_audience}</dd>
        </div>
        <div>
          <dt>Goals</dt>
          <dd>{strategy.goals}</dd>
        </div>
      </dl>

      <nav aria-label="Sections of this strategy">
        <ul className="toc">
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="pillars" className="section" aria-labelledby="pillars-title">
        <h2 id="pillars-title">Content pillars</h2>
        <p className="section-intro">The core themes every post should serve.</p>
        <ol className="pillars-grid">
          {output.content_pillars.map((pillar, index) => (
            <li key={index}>{pillar}</li>
          ))}
        </ol>
      </section>

      <section id="schedule" className="section" aria-labelledby="schedule-title">
        <h2 id="schedule-title">Posting schedule</h2>
        <p className="schedule">{output.posting_schedule}</p>
      </section>

      <section id="platforms" className="section" aria-labelledby="platforms-title">
        <h2 id="platforms-title">Platform recommendations</h2>
        <p className="section-intro">Where to show up, most important first.</p>
        <ul className="platforms">
          {byPriority(output.platform_recommendations).map((platform, index) => (
            <li className="platform" key={index}>
              <div className="platform-head">
                <h3>{platform.platform}</h3>
                <span className={`badge priority-${platform.priority}`}>
                  {platform.priority[0]!.toUpperCase() + platform.priority.slice(1)} priority
                </span>
              </div>
              <p>{platform.rationale}</p>
            </li>
          ))}
        </ul>
      </section>

      <section id="themes" className="section" aria-labelledby="themes-title">
        <h2 id="themes-title">Content themes</h2>
        <p className="section-intro">Specific post ideas to fill your calendar.</p>
        <ul className="checklist">
          {output.content_themes.map((theme, index) => (
            <li key={index}>{theme}</li>
          ))}
        </ul>
      </section>

      <section id="tactics" className="section" aria-labelledby="tactics-title">
        <h2 id="tactics-title">Engagement tactics</h2>
        <p className="section-intro">Ways to start conversations and build a community.</p>
        <ul className="checklist tactics">
          {output.engagement_tactics.map((tactic, index) => (
            <li key={index}>{tactic}</li>
          ))}
        </ul>
      </section>

      <section id="visuals" className="section" aria-labelledby="visuals-title">
        <h2 id="visuals-title">Visual prompts</h2>
        <p className="section-intro">Hand these to your designer or paste them into an image generator.</p>
        <ol className="prompts">
          {output.visual_prompts.map((prompt, index) => (
            <li className="prompt" key={index}>
              <div className="prompt-head">
                <h3>Prompt {index + 1}</h3>
                <CopyButton text={prompt} label={`visual prompt ${index + 1}`} />
              </div>
              <p>{prompt}</p>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
