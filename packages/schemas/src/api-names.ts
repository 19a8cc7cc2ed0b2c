import { z } from "zod";
import { ErrorBody, FieldError, ValidationErrorBody } from "./errors";
import { GenerateRequest, ModelInfo, PlatformRecommendation, StrategyList, StrategyOutput, StrategyRecord, TokenUsage } from "./strategy";

/**
 * Names of the shapes that cross the wire, for the OpenAPI document: each becomes a component referenced with
 * `$ref`. Kept out of zod's global registry on purpose: a global `.meta({ id })` makes `z.toJSONSchema` move the
 * shape into `$defs` and answer `{"$ref": ...}` at the root, which is not a valid tool input schema when the
 * shape is the model's structured output. The document reads this registry and `.meta({ id })` names alike.
 */
export const apiNames = z.registry<{ id: string }>();

/** Names a shape for the OpenAPI document and returns it unchanged. */
export function named<T extends z.ZodType>(schema: T, id: string): T {
  apiNames.add(schema, { id });
  return schema;
}

named(ErrorBody, "ErrorBody");
named(FieldError, "FieldError");
named(ValidationErrorBody, "ValidationErrorBody");
named(GenerateRequest, "GenerateRequest");
named(PlatformRecommendation, "PlatformRecommendation");
named(StrategyOutput, "StrategyOutput");
named(TokenUsage, "TokenUsage");
named(StrategyRecord, "StrategyRecord");
named(StrategyList, "StrategyList");
named(ModelInfo, "ModelInfo");
