import { z } from "zod";
import { multiLine } from "./text-rules";
import { GenerateRequest, TokenUsage } from "./strategy";

/** Longest refine instruction a user may send. */
const REFINE_MESSAGE_MAX = 2000;

/** POST /api/strategy/:id/refine: an instruction in the user's words, and optionally the model to use. */
export const RefineRequest = z
  .strictObject({
    message: multiLine(
      z
        .string({ error: (issue) => (issue.input === undefined ? "Field required" : "Must be a string") })
        .trim()
        .min(1, { error: "Must not be empty or only whitespace" })
        .max(REFINE_MESSAGE_MAX, { error: `Must be at most ${REFINE_MESSAGE_MAX} characters` })
        .refine((value) => !value.includes("\u0000"), { error: "Must not contain NUL characters" }),
    ).describe("What to change, e.g. 'drop Facebook, add a pillar about sustainability'"),
    model: GenerateRequest.shape.model,
  })
  .meta({ id: "RefineRequest" });
export type RefineRequest = z.infer<typeof RefineRequest>;

/** POST /api/strategy/:id/regenerate: optionally another model. */
export const RegenerateRequest = z.strictObject({ model: GenerateRequest.shape.model }).meta({ id: "RegenerateRequest" });
export type RegenerateRequest = z.infer<typeof RegenerateRequest>;

/** How a version came about; `restore` is an earlier version's content made the latest again. */
export const VersionKind = z.enum(["generate", "refine", "regenerate", "restore"]);
export type VersionKind = z.infer<typeof VersionKind>;

/** One entry of GET /api/strategy/:id/versions. */
export const VersionSummary = z
  .object({
    version: z.number().int().min(1),
    created_at: z.iso.datetime({ offset: true }),
    kind: VersionKind,
    message: z.string().optional().describe('The refine instruction that produced this version, or a restore\'s note ("Restored version 2")'),
    model: z.string(),
    usage: TokenUsage.optional().describe("Token usage of the model call that wrote this version, with its estimated cost"),
  })
  .meta({ id: "VersionSummary" });
export type VersionSummary = z.infer<typeof VersionSummary>;
export const VersionList = z.array(VersionSummary);

/** GET /api/strategy/:id/versions/:version and POST …/:version/restore. */
export const VersionParams = z.strictObject({
  id: z.string().min(1).max(200),
  version: z.coerce
    .number({ error: "Must be a number" })
    .int({ error: "Must be a whole number" })
    .min(1, { error: "Must be at least 1" })
    .max(1_000_000, { error: "Must be at most 1000000" }),
});

/** One message of the refine conversation. */
export const ConversationMessage = z
  .object({
    id: z.string(),
    role: z.enum(["user", "assistant"]),
    content: z.string(),
    version: z.number().int().min(1).describe("The version this exchange produced"),
    created_at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: "ConversationMessage" });
export type ConversationMessage = z.infer<typeof ConversationMessage>;
export const ConversationMessageList = z.array(ConversationMessage);
