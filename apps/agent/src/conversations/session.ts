import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Message, SessionManager, TextBlock, type Agent } from "@strands-agents/sdk";
import type { PriorTurns } from "../models/model-call";
import type { StrategyHead } from "../strategies/standing";
import { StrategySessionStorage } from "./session-storage";

/**
 * How many refine exchanges the conversation keeps and resends to the model. An exchange is the user's
 * instruction, the model's structured-output call (the revised strategy) with its tool result, and the closing
 * note saying what changed. The brief and the current strategy travel in the system prompt of every refine, so
 * older exchanges add only history. Bound: 4 exchanges. Each holds the revised strategy twice (tool call and
 * result): 33 KB of snapshot with the offline model's strategies, under 200 KB for 20 KB strategies — inside
 * DynamoDB's 400 KB item limit.
 */
export const REFINE_WINDOW_EXCHANGES = 4;

const SESSION_ID = "refine";

/** An exchange starts with a user message that carries text (tool results are user messages without text). */
function startsExchange(message: Message): boolean {
  return message.role === "user" && message.content.some((block) => block.type === "textBlock");
}

/** Drops whole exchanges from the front until at most `exchanges` remain; never splits a tool use from its result. */
function keepLastExchanges(messages: Message[], exchanges: number): Message[] {
  const starts = messages.flatMap((message, index) => (startsExchange(message) ? [index] : []));
  if (starts.length <= exchanges) return messages;
  return messages.slice(starts[starts.length - exchanges]);
}

/**
 * The refine conversation of one strategy as a Strands session (the SDK's SessionManager on a DynamoDB-backed
 * Storage). It never saves on its own (`saveLatestOn: 'trigger'`): a refine that fails, times out or is
 * abandoned leaves the session as it was; only a stored refine saves it, closed with the assistant's note.
 */
export class RefineConversation implements PriorTurns {
  constructor(private readonly storage: StrategySessionStorage) {}

  static of(client: DynamoDBDocumentClient, tableName: string, strategyId: string, head?: StrategyHead): RefineConversation {
    return new RefineConversation(new StrategySessionStorage(client, tableName, strategyId, head));
  }

  sessionManager(): SessionManager {
    return new SessionManager({ storage: this.storage, sessionId: SESSION_ID, saveLatestOn: "trigger" });
  }

  async save(agent: Agent, sessionManager: SessionManager, closingNote: string): Promise<void> {
    // Closing the exchange with an assistant turn keeps the roles alternating when the next instruction comes.
    agent.messages.push(new Message({ role: "assistant", content: [new TextBlock(closingNote)] }));
    const kept = keepLastExchanges(agent.messages, REFINE_WINDOW_EXCHANGES);
    agent.messages.splice(0, agent.messages.length - kept.length);
    await sessionManager.saveSnapshot({ target: agent, isLatest: true });
  }
}
