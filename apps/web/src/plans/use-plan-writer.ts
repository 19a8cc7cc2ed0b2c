"use client";

import type { Plan, PlanPost } from "@strategist/schemas";
import { useCallback, useEffect, useRef, useState } from "react";
import { eventData } from "@/api/stream";
import { problemText, streamPlan, type PlanSettings } from "./requests";

/** A post as the stream shows it while the model writes (the plan stores it with an id and an offset at the end). */
interface WrittenPost {
  platform: PlanPost["platform"];
  date: string;
  time: string;
  pillar?: string;
  theme?: string;
  caption?: string;
  hashtags?: string[];
}

function isWrittenPost(value: unknown): value is WrittenPost {
  const post = value as Partial<WrittenPost> | null;
  return typeof post === "object" && post !== null && typeof post.platform === "string" && typeof post.date === "string" && /^\d\d:\d\d$/.test(post.time ?? "");
}

/** The posts written so far, shaped as plan posts so the calendar can show them as they arrive. */
function livePosts(value: unknown): PlanPost[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isWrittenPost).map((post, index) => ({
    id: `writing-${index}`,
    platform: post.platform,
    scheduled_at: `${post.date}T${post.time}:00Z`,
    pillar: post.pillar ?? "",
    theme: post.theme ?? "",
    caption: post.caption ?? "",
    hashtags: post.hashtags ?? [],
    status: "draft",
  }));
}

/**
 * Writes a plan through the stream route: `live` holds the plan as it grows (the settings and the posts written so
 * far), then the stored plan arrives. Leaving the page aborts the request, and the agent stores nothing.
 */
export function usePlanWriter(strategyId: string, onWritten: (plan: Plan) => void) {
  const [live, setLive] = useState<Plan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const write = useCallback(
    async (settings: PlanSettings, startDate: string) => {
      const controller = new AbortController();
      running.current = controller;
      setProblem(null);
      const draft: Plan = {
        strategy_id: strategyId,
        strategy_version: 1,
        timezone: settings.timezone,
        start_date: settings.start_date ?? startDate,
        weeks: settings.weeks,
        created_at: "",
        model: "",
        posts: [],
      };
      setLive(draft);
      let outcome: string | null = "The connection dropped before the plan was stored. Try again.";
      try {
        const answer = await streamPlan(strategyId, settings, controller.signal);
        if (!answer.ok) outcome = problemText(answer.failure);
        else {
          for await (const event of answer.events) {
            const data = eventData(event) as Record<string, unknown> | undefined;
            if (event.event === "section" && data?.section === "posts") {
              const posts = livePosts(data.value);
              // Before the first post the start date is a guess; the first post's week says where the plan starts.
              setLive((current) => current && { ...current, posts });
            } else if (event.event === "reset") setLive((current) => current && { ...current, posts: [] });
            else if (event.event === "completed" && data) {
              onWritten(data as unknown as Plan);
              outcome = null;
              break;
            } else if (event.event === "error") {
              const body = (data?.body ?? {}) as { detail?: string; errors?: { field: string; message: string }[] };
              outcome = problemText({ detail: body.detail ?? "The plan could not be written.", errors: body.errors });
              break;
            }
          }
        }
      } catch {
        outcome = controller.signal.aborted ? null : "You seem to be offline. Check your connection and try again.";
      }
      if (running.current === controller) running.current = null;
      setLive(null);
      setProblem(outcome);
    },
    [strategyId, onWritten],
  );

  return { live, problem, write };
}
