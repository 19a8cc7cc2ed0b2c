import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { FastifyBaseLogger } from "fastify";
import {
  Brand,
  fieldErrors,
  GenerateRequest,
  ListQuery,
  Plan,
  PlanRequest,
  RefineRequest,
  StrategyIdParams,
  StrategyRecord,
  StrategySummary,
  type ApiKeyScope,
} from "@strategist/schemas";
import { z } from "zod";
import { AppError } from "../core/errors";
import { AGENT_VERSION } from "../core/version";
import type { Admitted, ModelCallContext, Progress } from "../generation/pipeline";
import { requireScope, type Credential } from "../http/plugins/auth";
import type { ReadLimiter } from "../http/read-limits";
import type { BrandService } from "../brands/service";
import type { ConversationService } from "../conversations/service";
import { planToCsv, planToIcs, planToMarkdown } from "../plans/exports";
import type { PlanService } from "../plans/service";
import type { StrategyService } from "../strategies/service";
import { serializeRecord } from "../strategies/serializers";

/** The services the tools call: the same ones the REST routes call. */
export interface McpServices {
  strategies: StrategyService;
  conversations: ConversationService;
  plans: PlanService;
  brands: BrandService;
  readLimiter: ReadLimiter;
  clock: () => Date;
}

/** Who calls: the authenticated user of this HTTP request, and where links to the REST API point. */
export interface McpCaller {
  userId: string;
  credential: Credential;
  log: FastifyBaseLogger;
  /** The origin the REST API is reached at for this caller (resource links point there). */
  apiOrigin: string;
}

type ToolExtra = {
  signal: AbortSignal;
  _meta?: { progressToken?: string | number };
  sendNotification: (notification: {
    method: "notifications/progress";
    params: { progressToken: string | number; progress: number; total?: number; message?: string };
  }) => Promise<void>;
};

const StrategyId = StrategyIdParams.shape.id.describe("A strategy id, from list_strategies or generate_strategy");
const StrategyRef = z.strictObject({ strategy_id: StrategyId });
const ExportRequest = z.strictObject({
  strategy_id: StrategyId,
  format: z.enum(["ics", "csv", "md"], { error: "Must be ics, csv or md" }).describe("ics: a calendar file; csv: a spreadsheet; md: Markdown"),
});

/** Tool annotations: what a tool does to the user's data (MCP clients show them and ask before writing). */
const READS = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
const WRITES = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;
/** Writing a plan replaces the strategy's previous plan. */
const REPLACES = { ...WRITES, destructiveHint: true } as const;

/** A tool error in the REST API's words: the detail, each field and why, and when to retry. */
function toolError(error: unknown, log: FastifyBaseLogger): CallToolResult {
  let appError: AppError;
  if (error instanceof z.ZodError) appError = new AppError("validation", { fields: fieldErrors(error.issues) });
  else if (error instanceof AppError) appError = error;
  else {
    log.error({ err: error }, "mcp tool failed");
    appError = new AppError("internal");
  }
  // Another user's strategy answers like a missing one: its existence is not the caller's business.
  if (appError.code === "access_denied") appError = new AppError("not_found");
  const body = appError.body();
  const lines = [body.detail, ...(body.errors ?? []).map((field) => `${field.field}: ${field.message}`)];
  if (appError.retryAfterSeconds !== undefined) lines.push(`Retry after ${appError.retryAfterSeconds} seconds.`);
  return {
    isError: true,
    content: [{ type: "text", text: lines.join("\n") }],
    structuredContent: { status: appError.status, ...body, ...(appError.retryAfterSeconds !== undefined ? { retry_after: appError.retryAfterSeconds } : {}) },
  };
}

/** The text of a 400 in the REST API's words: its detail, then each field and why. */
function validationText(issues: readonly z.core.$ZodIssue[]): string {
  const body = new AppError("validation", { fields: fieldErrors(issues) }).body();
  return [body.detail, ...(body.errors ?? []).map((field) => `${field.field}: ${field.message}`)].join("\n");
}

/**
 * The SDK checks tool arguments against the input schema before a tool runs, and reports a failure as a tool error
 * in zod's words. The check is replaced (the SDK keeps it in a private method) by the same schema parse answering
 * in the REST API's words, so an assistant reads what a REST client reads.
 */
function answerInvalidArgumentsLikeRest(server: McpServer): void {
  const internals = server as unknown as { validateToolInput?: (tool: { inputSchema?: z.ZodType }, args: unknown) => Promise<unknown> };
  if (typeof internals.validateToolInput !== "function") throw new Error("@modelcontextprotocol/sdk no longer validates tool input where expected");
  internals.validateToolInput = async (tool, args) => {
    if (!tool.inputSchema) return undefined;
    const parsed = await tool.inputSchema.safeParseAsync(args ?? {});
    if (!parsed.success) throw new Error(validationText(parsed.error.issues));
    return parsed.data;
  };
}

/** A strategy as the REST API answers it (only the schema's fields), as plain JSON. */
function strategyJson(record: StrategyRecord): Record<string, unknown> {
  return JSON.parse(serializeRecord(record)) as Record<string, unknown>;
}

function strategyText(record: StrategyRecord): string {
  const output = record.strategy_output;
  const platforms = output.platform_recommendations.map((platform) => platform.platform).join(", ");
  return [
    `Strategy ${record.id} (version ${record.version}) for ${record.brand_name}, ${record.industry}.`,
    `Platforms: ${platforms}.`,
    `Content pillars: ${output.content_pillars.join("; ")}.`,
    `Posting schedule: ${output.posting_schedule}`,
  ].join("\n");
}

function planText(plan: Plan): string {
  const posts = plan.posts.slice(0, 10).map((post) => `- ${post.scheduled_at} ${post.platform}: ${post.caption.split("\n")[0]!.slice(0, 80)}`);
  const more = plan.posts.length > 10 ? [`… and ${plan.posts.length - 10} more posts.`] : [];
  return [
    `Content plan for strategy ${plan.strategy_id}: ${plan.weeks} weeks from ${plan.start_date} (${plan.timezone}), ${plan.posts.length} posts.`,
    ...posts,
    ...more,
  ].join("\n");
}

/**
 * One MCP server for one request of one caller (the transport is stateless): the tools and resources call the same
 * services as the REST routes, with the caller's user id, the key's scopes and the per-user read and generation
 * limits. Long tools report the model's progress as progress notifications when the client asks for them.
 */
export function strategistMcpServer(services: McpServices, caller: McpCaller): McpServer {
  const server = new McpServer(
    { name: "strategist", title: "Strategist", version: AGENT_VERSION },
    {
      instructions:
        "Strategist writes social media strategies and content plans. Generate a strategy from a brief (or a brand_id from list_brands), refine it by instruction, write a content plan of scheduled posts, and export the plan as a calendar (ics), CSV or Markdown.",
    },
  );
  const { userId, log } = caller;
  answerInvalidArgumentsLikeRest(server);

  /** Wraps a tool: scope check, the read limit for reads, and every failure as a tool error in the REST API's words. */
  const tool =
    <A>(scope: ApiKeyScope, run: (args: A, extra: ToolExtra) => Promise<CallToolResult>) =>
    async (args: A, extra: ToolExtra): Promise<CallToolResult> => {
      try {
        requireScope(caller.credential, scope);
        if (scope === "read") await services.readLimiter.take(userId);
        return await run(args, extra);
      } catch (error) {
        return toolError(error, log);
      }
    };

  const context = (extra: ToolExtra, ids: Record<string, string> = {}): ModelCallContext => ({
    signal: extra.signal,
    log: Object.keys(ids).length > 0 ? log.child(ids) : log,
    idempotencyKey: undefined,
  });

  /** Runs an admitted model call, reporting each started attempt and each section written as progress. */
  const withProgress = async <R>(admitted: Admitted<R>, extra: ToolExtra): Promise<R> => {
    const token = extra._meta?.progressToken;
    let step = 0;
    const report = (message: string) => {
      if (token === undefined) return;
      step++;
      extra.sendNotification({ method: "notifications/progress", params: { progressToken: token, progress: step, message } }).catch(() => undefined);
    };
    return admitted.execute((progress: Progress<R>) => {
      if (progress.type === "started") report(`Writing with ${progress.model}`);
      else if (progress.type === "section" && progress.complete) report(`Wrote ${progress.section}`);
      else if (progress.type === "reset") report(`Starting again: ${progress.reason}`);
    });
  };

  const strategyResult = (record: StrategyRecord): CallToolResult => ({
    content: [{ type: "text", text: strategyText(record) }],
    structuredContent: strategyJson(record),
  });
  const planResult = (plan: Plan): CallToolResult => ({
    content: [{ type: "text", text: planText(plan) }],
    structuredContent: Plan.parse(plan),
  });

  server.registerTool(
    "generate_strategy",
    {
      title: "Generate a strategy",
      description:
        "Write and store a social media strategy (platforms, content pillars, posting schedule, themes, engagement tactics, visual prompts) from a brief: brand_name, industry, target_audience and goals; or from brand_id (see list_brands), whose profile fills the brief and sets the voice. Optional model id. Takes up to a minute; sends progress while the model writes. Returns the stored strategy with its id.",
      inputSchema: GenerateRequest,
      outputSchema: StrategyRecord,
      annotations: WRITES,
    },
    tool("write", async (args: GenerateRequest, extra) =>
      strategyResult(await withProgress(await services.strategies.admitGenerate(userId, args, context(extra)), extra)),
    ),
  );

  server.registerTool(
    "list_strategies",
    {
      title: "List strategies",
      description: "The user's strategies, newest first: id, brand, industry, dates, model and version. Pass next_cursor back as cursor for the next page.",
      inputSchema: ListQuery,
      annotations: READS,
    },
    tool("read", async (args: ListQuery) => {
      const query = ListQuery.parse(args);
      const page = await services.strategies.listSummaries(userId, query.limit, query.cursor);
      const strategies = z.array(StrategySummary).parse(page.records);
      const text =
        strategies.length === 0
          ? "No strategies yet."
          : strategies.map((item) => `- ${item.id}: ${item.brand_name} (${item.industry}), ${item.created_at}`).join("\n");
      return {
        content: [{ type: "text", text: page.nextCursor ? `${text}\nMore: cursor ${page.nextCursor}` : text }],
        structuredContent: { strategies, ...(page.nextCursor ? { next_cursor: page.nextCursor } : {}) },
      };
    }),
  );

  server.registerTool(
    "get_strategy",
    {
      title: "Read a strategy",
      description: "One strategy of the user's by id, whole: the brief, every section of the strategy, its version and model.",
      inputSchema: StrategyRef,
      outputSchema: StrategyRecord,
      annotations: READS,
    },
    tool("read", async ({ strategy_id }: z.infer<typeof StrategyRef>) => strategyResult(await services.strategies.get(userId, strategy_id, log))),
  );

  const RefineInput = z.strictObject({ strategy_id: StrategyId, ...RefineRequest.shape });
  server.registerTool(
    "refine_strategy",
    {
      title: "Refine a strategy",
      description:
        "Change a strategy by instruction (message, e.g. 'drop Facebook, add a pillar about sustainability'); stores it as the strategy's next version and returns it. Optional model. Sends progress while the model writes.",
      inputSchema: RefineInput,
      outputSchema: StrategyRecord,
      annotations: WRITES,
    },
    tool("write", async ({ strategy_id, ...request }: z.infer<typeof RefineInput>, extra) =>
      strategyResult(await withProgress(await services.conversations.admitRefine(userId, strategy_id, request, context(extra, { strategy_id })), extra)),
    ),
  );

  const PlanInput = z.strictObject({ strategy_id: StrategyId, ...PlanRequest.shape });
  server.registerTool(
    "write_plan",
    {
      title: "Write a content plan",
      description:
        "Write a content plan for a strategy: scheduled posts with captions and hashtags for each recommended platform, over `weeks` weeks (default 2; the limit is in the input schema) from start_date (YYYY-MM-DD; the next Monday when absent) in timezone (IANA, e.g. Europe/Paris). Replaces the strategy's previous plan. Sends progress while the model writes.",
      inputSchema: PlanInput,
      annotations: REPLACES,
    },
    tool("write", async ({ strategy_id, ...request }: z.infer<typeof PlanInput>, extra) =>
      planResult(await withProgress(await services.plans.admit(userId, strategy_id, PlanRequest.parse(request), context(extra, { strategy_id })), extra)),
    ),
  );

  server.registerTool(
    "get_plan",
    {
      title: "Read a content plan",
      description: "The content plan of a strategy: its weeks, time zone and posts in time order.",
      inputSchema: StrategyRef,
      annotations: READS,
    },
    tool("read", async ({ strategy_id }: z.infer<typeof StrategyRef>) => planResult(await services.plans.get(userId, strategy_id, log))),
  );

  server.registerTool(
    "export_plan",
    {
      title: "Export a content plan",
      description:
        "A strategy's content plan as a file: format ics (iCalendar, one event per post), csv (one row per post) or md (Markdown). The answer also links the strategy and plan as a PDF (GET it with the same Bearer key).",
      inputSchema: ExportRequest,
      annotations: READS,
    },
    tool("read", async ({ strategy_id, format }: z.infer<typeof ExportRequest>) => {
      const { strategy, plan } = await services.plans.withStrategy(userId, strategy_id, log);
      const file = {
        ics: { mimeType: "text/calendar", text: () => planToIcs(strategy, plan, services.clock()) },
        csv: { mimeType: "text/csv", text: () => planToCsv(strategy, plan) },
        md: { mimeType: "text/markdown", text: () => planToMarkdown(strategy, plan) },
      }[format];
      const text = file.text();
      return {
        content: [
          { type: "text", text },
          {
            type: "resource_link",
            uri: `${caller.apiOrigin}/api/strategy/${encodeURIComponent(strategy_id)}/export.pdf`,
            name: `${strategy.brand_name} strategy and plan (PDF)`,
            mimeType: "application/pdf",
            description: "The strategy and its plan as a PDF; GET it with the same Authorization header",
          },
        ],
        structuredContent: { strategy_id, format, mime_type: file.mimeType, content: text },
      };
    }),
  );

  server.registerTool(
    "list_brands",
    {
      title: "List brand profiles",
      description:
        "The user's brand profiles, newest first: id, name, industry, audience, goals and voice. Pass a brand's id as brand_id to generate_strategy.",
      inputSchema: ListQuery,
      annotations: READS,
    },
    tool("read", async (args: ListQuery) => {
      const query = ListQuery.parse(args);
      const page = await services.brands.list(userId, query.limit, query.cursor);
      const brands = z.array(Brand).parse(page.brands);
      const text = brands.length === 0 ? "No brand profiles yet." : brands.map((brand) => `- ${brand.id}: ${brand.name} (${brand.industry})`).join("\n");
      return {
        content: [{ type: "text", text: page.nextCursor ? `${text}\nMore: cursor ${page.nextCursor}` : text }],
        structuredContent: { brands, ...(page.nextCursor ? { next_cursor: page.nextCursor } : {}) },
      };
    }),
  );

  /** Resources are reads: the same scope, limit and not-found answer as the tools. */
  const readResource = async <T>(read: () => Promise<T>): Promise<T> => {
    try {
      requireScope(caller.credential, "read");
      await services.readLimiter.take(userId);
      return await read();
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError("internal", { cause: error });
      if (appError.code === "internal") log.error({ err: error }, "mcp resource read failed");
      throw new Error((appError.code === "access_denied" ? new AppError("not_found") : appError).body().detail, { cause: error });
    }
  };

  server.registerResource(
    "strategy",
    new ResourceTemplate("strategist://strategies/{id}", {
      list: async () =>
        readResource(async () => ({
          resources: (await services.strategies.listSummaries(userId, 50)).records.map((item) => ({
            uri: `strategist://strategies/${encodeURIComponent(item.id)}`,
            name: `${item.brand_name} strategy`,
            mimeType: "application/json",
          })),
        })),
    }),
    { title: "Strategy", description: "A strategy of the user's, as JSON (what get_strategy returns)", mimeType: "application/json" },
    async (uri, { id }) =>
      readResource(async () => ({
        contents: [
          {
            uri: uri.href,
            mimeType: "application/json",
            text: JSON.stringify(strategyJson(await services.strategies.get(userId, decodeURIComponent(String(id)), log))),
          },
        ],
      })),
  );

  server.registerResource(
    "plan",
    new ResourceTemplate("strategist://strategies/{id}/plan", { list: undefined }),
    { title: "Content plan", description: "The content plan of a strategy of the user's, as JSON (what get_plan returns)", mimeType: "application/json" },
    async (uri, { id }) =>
      readResource(async () => ({
        contents: [
          {
            uri: uri.href,
            mimeType: "application/json",
            text: JSON.stringify(Plan.parse(await services.plans.get(userId, decodeURIComponent(String(id)), log))),
          },
        ],
      })),
  );

  return server;
}
