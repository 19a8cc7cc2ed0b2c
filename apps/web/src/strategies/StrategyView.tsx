import type { StrategyRecord } from "@strategist/schemas";
import { formatDate, OFFLINE_MODEL } from "@/shared/format";
import { SECTION_ORDER, SECTIONS } from "./strategy-sections";
import { ModelBadge } from "./ModelBadge";
import { StrategyBrandVoice } from "@/brands/StrategyBrandVoice";
import { StrategyActions } from "./StrategyActions";
import { StrategyCost } from "./StrategyCost";
import { contentOf, SectionBody, SectionFrame } from "./StrategySections";

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
          <StrategyCost usage={strategy.usage} />
        </div>
        {strategy.model === OFFLINE_MODEL && (
          <p className="offline-note">
            Written by Strategist&apos;s built-in offline model from templates — not by an AI language model. Use it as a starting point and review it before
            publishing.
          </p>
        )}
      </header>

      <StrategyActions strategy={strategy} />
      {/* The voice the strategy was written in comes after the actions, so the plan stays on the first screen. */}
      <StrategyBrandVoice strategy={strategy} />

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
          {SECTION_ORDER.map((section) => (
            <li key={section}>
              <a href={`#${SECTIONS[section].anchor}`}>{SECTIONS[section].toc}</a>
            </li>
          ))}
        </ul>
      </nav>

      {SECTION_ORDER.map((section) => (
        <SectionFrame key={section} section={section}>
          <SectionBody {...contentOf(section, output[section])} />
        </SectionFrame>
      ))}
    </article>
  );
}
