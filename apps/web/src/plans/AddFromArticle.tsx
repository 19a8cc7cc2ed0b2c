"use client";

import type { Plan, RepurposeResult } from "@strategist/schemas";
import { useRef, useState, type FormEvent } from "react";
import { getPlan, problemText, streamArticlePosts, type ArticlePostDraft } from "./requests";
import "./article-posts.css";

type Source = "url" | "text";

/**
 * "Add posts from an article": a URL or pasted text becomes posts that join the plan as drafts in its next free
 * slots. The posts show as they are written; when done, the plan as stored now goes to `onAdded`.
 */
export function AddFromArticle({ strategyId, onAdded }: { strategyId: string; onAdded: (plan: Plan) => void }) {
  const [source, setSource] = useState<Source>("url");
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [count, setCount] = useState("");
  const [writing, setWriting] = useState(false);
  const [drafts, setDrafts] = useState<ArticlePostDraft[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<RepurposeResult | null>(null);
  const controller = useRef<AbortController | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (writing) return;
    setWriting(true);
    setProblem(null);
    setDone(null);
    setDrafts([]);
    controller.current = new AbortController();
    const body = {
      ...(source === "url" ? { url: url.trim() } : { text, title: title.trim() }),
      ...(count ? { count: Number(count) } : {}),
    };
    try {
      const result = await streamArticlePosts(strategyId, body, setDrafts, controller.current.signal);
      if (!result.ok) {
        setProblem(problemText(result.failure));
        return;
      }
      setDone(result.value);
      setDrafts([]);
      const plan = await getPlan(strategyId);
      if (plan.ok) onAdded(plan.value);
    } catch {
      setProblem("The connection was lost before the posts were written. Try again.");
    } finally {
      setWriting(false);
    }
  }

  return (
    <section className="article-posts" aria-labelledby="article-posts-title">
      <h2 id="article-posts-title">Add posts from an article</h2>
      <p className="hint">The article&apos;s own points become drafts in the plan&apos;s next free slots, each linking to the article.</p>
      <form onSubmit={(event) => void submit(event)} aria-describedby={problem ? "article-posts-problem" : undefined}>
        <div role="radiogroup" aria-label="Article source" className="plan-views">
          {(["url", "text"] as const).map((option) => (
            <label key={option} className={`plan-view-option${source === option ? " active" : ""}`}>
              <input type="radio" name="article-source" value={option} checked={source === option} onChange={() => setSource(option)} />
              {option === "url" ? "From a URL" : "Paste the text"}
            </label>
          ))}
        </div>
        {source === "url" ? (
          <label>
            Article URL
            <input type="url" name="url" required value={url} placeholder="https://example.com/blog/post" onChange={(event) => setUrl(event.target.value)} />
          </label>
        ) : (
          <>
            <label>
              Title
              <input name="title" required value={title} onChange={(event) => setTitle(event.target.value)} />
            </label>
            <label>
              Article text
              <textarea name="text" required rows={8} value={text} onChange={(event) => setText(event.target.value)} />
            </label>
          </>
        )}
        <label>
          Posts (optional)
          <select name="count" value={count} onChange={(event) => setCount(event.target.value)}>
            <option value="">One per platform</option>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <div className="button-row">
          <button type="submit" className="button" disabled={writing} aria-busy={writing}>
            {writing ? "Writing posts…" : "Add posts"}
          </button>
          {writing && (
            <button type="button" className="button secondary" onClick={() => controller.current?.abort()}>
              Stop
            </button>
          )}
        </div>
        {problem && (
          <p id="article-posts-problem" className="plan-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      <div aria-live="polite">
        {drafts.length > 0 && (
          <ol className="article-posts-drafts" aria-label="Posts being written">
            {drafts.map((draft, index) => (
              <li key={index}>
                <strong>{draft.platform}</strong> {draft.caption}
              </li>
            ))}
          </ol>
        )}
        {done && (
          <p className="alert info">
            {done.posts.length} draft{done.posts.length === 1 ? "" : "s"} added from “{done.article.title}”.
          </p>
        )}
      </div>
    </section>
  );
}
