import type { PlatformId } from "@strategist/schemas/platforms";
import { Heatmap, RateBars } from "./Charts";
import { clock, interval, percent, platformName, WEEKDAYS, type Insights } from "./format";
import "./insights.css";

function PostsTable({ caption, posts }: { caption: string; posts: Insights["top_posts"] }) {
  return (
    <table className="insights-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Post</th>
          <th scope="col">Platform</th>
          <th scope="col">Published</th>
          <th scope="col">Pillar</th>
          <th scope="col">Engagement rate</th>
        </tr>
      </thead>
      <tbody>
        {posts.map((post) => (
          <tr key={`${post.platform}-${post.published_at}-${post.url ?? post.text ?? ""}`}>
            <td>{post.url ? <a href={post.url}>{(post.text ?? post.url).slice(0, 80)}</a> : (post.text ?? "").slice(0, 80) || "(no text)"}</td>
            <td>{platformName(post.platform)}</td>
            <td>{post.published_at.slice(0, 16).replace("T", " ")}</td>
            <td>{post.pillar ?? "—"}</td>
            <td>{percent(post.engagement_rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What worked, for a strategy or a brand: rates per platform and pillar with their intervals, a weekday × hour heatmap
 * per platform, and the top and bottom posts. Every chart has a table with the same numbers; the charts are drawn for
 * sighted readers only (aria-hidden), the tables serve everyone.
 */
export function InsightsView({ insights }: { insights: Insights }) {
  const posts = insights.platforms.reduce((sum, platform) => sum + platform.posts, 0);
  if (posts === 0) {
    return <p className="insights-empty">No results yet. Import your posts&apos; numbers from the plan page (Results), or type them into a post.</p>;
  }
  const level = `${Math.round(insights.credibility * 100)} %`;
  return (
    <div className="insights">
      <p className="hint">
        {posts} posts with results. Engagement rate = (likes + comments + shares + saves + clicks) / impressions, else reach. Intervals are {level} credible
        intervals; slots and pillars are shrunk toward the platform mean, and a best time is named only with enough posts. Times in {insights.timezone}.
      </p>

      <section aria-labelledby="by-platform">
        <h2 id="by-platform">By platform</h2>
        <figure>
          <RateBars
            bars={insights.platforms.map((platform) => ({ label: platformName(platform.platform), rate: platform.engagement_rate, ...platform.interval }))}
          />
          <figcaption className="hint">Bars: engagement rate; whiskers: its interval. The table has the same numbers.</figcaption>
        </figure>
        <table className="insights-table">
          <caption>Engagement by platform</caption>
          <thead>
            <tr>
              <th scope="col">Platform</th>
              <th scope="col">Posts</th>
              <th scope="col">Engagement rate</th>
              <th scope="col">Interval</th>
              <th scope="col">Best times</th>
            </tr>
          </thead>
          <tbody>
            {insights.platforms.map((platform) => {
              const best = insights.best_times[platform.platform] ?? [];
              return (
                <tr key={platform.platform}>
                  <th scope="row">{platformName(platform.platform)}</th>
                  <td>{platform.posts}</td>
                  <td>{percent(platform.engagement_rate)}</td>
                  <td>{interval(platform.interval)}</td>
                  <td>
                    {best.length > 0
                      ? best
                          .slice(0, 3)
                          .map((slot) => `${WEEKDAYS[slot.weekday - 1]} ${clock(slot.hour)} (${slot.lift.toFixed(1)}×, ${slot.posts} posts)`)
                          .join("; ")
                      : "Not enough evidence yet: the plan keeps its default times"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      {insights.pillars.length > 0 && (
        <section aria-labelledby="by-pillar">
          <h2 id="by-pillar">By pillar</h2>
          <figure>
            <RateBars bars={insights.pillars.map((pillar) => ({ label: pillar.pillar, rate: pillar.engagement_rate, ...pillar.interval }))} />
            <figcaption className="hint">Bars: platform-adjusted engagement rate; whiskers: its interval. The table has the same numbers.</figcaption>
          </figure>
          <table className="insights-table">
            <caption>Engagement by pillar, best first</caption>
            <thead>
              <tr>
                <th scope="col">Pillar</th>
                <th scope="col">Posts</th>
                <th scope="col">Engagement rate</th>
                <th scope="col">Interval</th>
                <th scope="col">Against the other pillars</th>
              </tr>
            </thead>
            <tbody>
              {insights.pillars.map((pillar) => (
                <tr key={pillar.pillar}>
                  <th scope="row">{pillar.pillar}</th>
                  <td>{pillar.posts}</td>
                  <td>{percent(pillar.engagement_rate)}</td>
                  <td>{interval(pillar.interval)}</td>
                  <td>{pillar.enough_evidence ? `${pillar.lift.toFixed(1)}×` : "Too few posts to say"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="by-time">
        <h2 id="by-time">By weekday and hour</h2>
        {(Object.entries(insights.slots) as [PlatformId, NonNullable<Insights["slots"][PlatformId]>][]).map(([platform, slots]) => (
          <figure key={platform} className="insights-heatmap-figure">
            <figcaption>
              <h3>{platformName(platform)}</h3>
              <span className="hint">Darker: a higher engagement rate; outlined: a best time with enough evidence. The table has the same numbers.</span>
            </figcaption>
            <Heatmap slots={slots} best={insights.best_times[platform] ?? []} />
            <table className="visually-hidden">
              <caption>{platformName(platform)}: engagement by weekday and hour, best first</caption>
              <thead>
                <tr>
                  <th scope="col">Weekday</th>
                  <th scope="col">Hour</th>
                  <th scope="col">Posts</th>
                  <th scope="col">Engagement rate</th>
                  <th scope="col">Interval</th>
                </tr>
              </thead>
              <tbody>
                {slots.map((slot) => (
                  <tr key={`${slot.weekday}-${slot.hour}`}>
                    <td>{WEEKDAYS[slot.weekday - 1]}</td>
                    <td>{clock(slot.hour)}</td>
                    <td>{slot.posts}</td>
                    <td>{percent(slot.engagement_rate)}</td>
                    <td>{interval(slot.interval)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        ))}
      </section>

      <section aria-labelledby="posts">
        <h2 id="posts">Top and bottom posts</h2>
        <PostsTable caption="Top posts (rate against their platform's mean, shrunk)" posts={insights.top_posts} />
        <PostsTable caption="Bottom posts" posts={insights.bottom_posts} />
      </section>
    </div>
  );
}
