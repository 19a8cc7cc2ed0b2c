import Link from "next/link";
import { currentSession } from "@/server/current-session";
import "./landing.css";

export default async function LandingPage() {
  const session = await currentSession();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <span className="eyebrow">AI social media strategist</span>
          <h1 id="hero-title">A social media strategy for your brand, in about a minute.</h1>
          <p className="lead">
            Tell Strategist who you are, who you want to reach and what you want to achieve. It writes the plan: content pillars, a posting schedule, the
            platforms that matter most, post ideas, engagement tactics and image prompts for your designer.
          </p>
          <div className="button-row">
            {session ? (
              <>
                <Link href="/strategies/new" className="button large">
                  Create a strategy
                </Link>
                <Link href="/strategies" className="button secondary large">
                  Your history
                </Link>
              </>
            ) : (
              <>
                <Link href="/signup" className="button large">
                  Create your first strategy
                </Link>
                <Link href="/login" className="button secondary large">
                  Log in
                </Link>
              </>
            )}
          </div>
          <p className="hero-note">Free to try. Every strategy is saved to your history, ready to export.</p>
        </div>
        <aside className="preview-card" aria-label="Example strategy">
          <h2>Juniper Coffee Roasters</h2>
          <p className="preview-meta">Specialty coffee · young professionals in Austin</p>
          <ul>
            <li>
              Instagram <span className="badge priority-high">High</span>
            </li>
            <li>
              TikTok <span className="badge priority-medium">Medium</span>
            </li>
            <li>
              LinkedIn <span className="badge priority-low">Low</span>
            </li>
          </ul>
          <p className="muted" style={{ margin: 0 }}>
            4 content pillars · 12 post ideas · 6 engagement tactics · 3 visual prompts
          </p>
        </aside>
      </section>

      <section aria-labelledby="what-title">
        <h2 id="what-title" className="visually-hidden">
          What you get
        </h2>
        <div className="features">
          <article className="feature">
            <span className="feature-icon" aria-hidden="true">
              ✦
            </span>
            <h3>Pillars and post ideas</h3>
            <p>Three to six content pillars that fit your brand, and specific post ideas under them — not generic advice.</p>
          </article>
          <article className="feature">
            <span className="feature-icon" aria-hidden="true">
              ◎
            </span>
            <h3>Where and when to post</h3>
            <p>Platforms ranked high, medium or low for your audience, with the reasoning, and a schedule you can keep.</p>
          </article>
          <article className="feature">
            <span className="feature-icon" aria-hidden="true">
              ▣
            </span>
            <h3>Ready for your designer</h3>
            <p>Detailed image prompts that match the plan. Copy them, export the strategy as Markdown or print it to PDF.</p>
          </article>
        </div>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">How it works</h2>
        <ol className="steps">
          <li>
            <strong>Describe your brand</strong>
            Name, industry, target audience and goals — four fields.
          </li>
          <li>
            <strong>Strategist writes the plan</strong>
            An AI model on Amazon Bedrock drafts a complete, structured strategy.
          </li>
          <li>
            <strong>Use it and come back</strong>
            Every strategy stays in your private history.
          </li>
        </ol>
      </section>
    </>
  );
}
