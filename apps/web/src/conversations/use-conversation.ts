import type { ConversationMessage, StrategyRecord, VersionSummary } from "@strategist/schemas";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { ApiFailure } from "@/api/client";
import { useCountdown } from "@/ui/Countdown";
import { loadMessages, loadVersions } from "./requests";

/**
 * The state a strategy's conversation panels share: the messages and versions (as the page read them, and reloaded
 * after each change), the status line, the last failure with its Retry-After countdown, and whether a request runs.
 */
export function useConversation(strategy: StrategyRecord, initialMessages: ConversationMessage[], initialVersions: VersionSummary[]) {
  const router = useRouter();
  const id = strategy.id;
  const [messages, setMessages] = useState(initialMessages);
  const [versions, setVersions] = useState(initialVersions);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<(ApiFailure & { until: number }) | null>(null);
  const waiting = useCountdown(failure?.until ?? 0);

  const reload = useCallback(async () => {
    const [loadedMessages, loadedVersions] = await Promise.all([loadMessages(id), loadVersions(id)]);
    setMessages(loadedMessages);
    setVersions(loadedVersions);
  }, [id]);
  // The page reads both with the strategy; a refresh after a change brings them again.
  useEffect(() => {
    setMessages(initialMessages);
    setVersions(initialVersions);
  }, [initialMessages, initialVersions]);

  /** Shows a failure (and counts down its Retry-After) in place of the status. */
  const fail = useCallback((result: ApiFailure) => {
    setFailure({ ...result, until: Date.now() + (result.retryAfterSeconds ?? 0) * 1000 });
    setStatus("");
  }, []);

  /** A new version was written: says so (`{version}` becomes its number) and reloads the page's strategy. */
  const finish = useCallback(
    async (record: StrategyRecord, news: string) => {
      setStatus(news.replace("{version}", String(record.version)));
      setFailure(null);
      await reload();
      router.refresh();
    },
    [reload, router],
  );

  return { id, messages, versions, busy, setBusy, status, setStatus, failure, setFailure, waiting, fail, finish };
}

export type Conversation = ReturnType<typeof useConversation>;
