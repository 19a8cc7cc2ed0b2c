"use client";

import { useEffect, useRef } from "react";
import type { LiveStrategy } from "./live-strategy";
import { SECTION_ORDER, SECTIONS } from "./strategy-sections";
import { GenerationProgress } from "./GenerationProgress";
import { ModelBadge } from "./ModelBadge";
import { contentOf, SectionBody, SectionFrame, SectionSkeleton, type SectionState } from "./StrategySections";
import "./live.css";

interface Brief {
  brand_name: string;
  industry: string;
  target_audience: string;
  goals: string;
}

/**
 * A strategy while the model writes it, in the detail page's layout: written sections in full, a list growing
 * item by item, grey stand-ins for what is not written yet. Focus moves here from the form it replaces.
 */
export function LiveStrategyView({ brief, live, onStop }: { brief: Brief; live: LiveStrategy; onStop: () => void }) {
  const progressHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => progressHeading.current?.focus(), []);

  return (
    <div className="live-generation">
      <GenerationProgress live={live} onStop={onStop} headingRef={progressHeading} />
      <article aria-labelledby="strategy-title" aria-busy={!live.finished}>
        <header className="strategy-head">
          <span className="eyebrow" style={{ marginBottom: 0 }}>
            Social media strategy
          </span>
          <h2 id="strategy-title" className="strategy-title">
            {brief.brand_name}
          </h2>
          <div className="strategy-meta">
            <span>{brief.industry}</span>
            {live.model && <ModelBadge model={live.model} />}
          </div>
        </header>

        <dl className="brief">
          <div>
            <dt>Target audience</dt>
            <dd>{brief.target_audience}</dd>
          </div>
          <div>
            <dt>Goals</dt>
            <dd>{brief.goals}</dd>
          </div>
        </dl>

        {SECTION_ORDER.map((section) => {
          const written = live.sections[section];
          const state: SectionState = written ? (written.complete ? "complete" : "writing") : "waiting";
          return (
            <SectionFrame key={section} section={section} state={state}>
              {written && <SectionBody {...contentOf(section, written.value)} />}
              {state !== "complete" && <SectionSkeleton section={section} items={written ? 1 : SECTIONS[section].placeholderItems} />}
              {state === "waiting" && <p className="visually-hidden">Not written yet.</p>}
            </SectionFrame>
          );
        })}
      </article>
    </div>
  );
}
