import { AppError } from "../core/errors";

/**
 * A strategy that is being deleted, or is gone, while a request wrote under it: the request answers 404 and keeps
 * nothing of what it wrote.
 */
export class StrategyDeletedError extends AppError {
  constructor(strategyId: string) {
    super("not_found", { message: `strategy ${strategyId} was deleted while the request ran` });
    this.name = "StrategyDeletedError";
  }
}

/** Whether a strategy's head item exists and carries no deletion mark (a strongly consistent read). */
export interface StrategyHead {
  standing(strategyId: string): Promise<boolean>;
}

/**
 * Runs a write under a strategy and keeps it only if the strategy still stands afterwards; otherwise undoes it and
 * throws StrategyDeletedError. A delete marks the head before it lists what is under the strategy, so a write
 * that read the head standing was stored before the mark and is found (and removed) by that delete; a write that
 * reads the mark removes itself. Either way the delete leaves nothing behind.
 */
export async function keepIfStanding<T>(head: StrategyHead | undefined, strategyId: string, write: () => Promise<T>, undo: () => Promise<unknown>): Promise<T> {
  const result = await write();
  if (!head || (await head.standing(strategyId))) return result;
  await undo();
  throw new StrategyDeletedError(strategyId);
}
