import type { OfflineWriters } from "../models/offline/protocol";
import { writeRefinement } from "../conversations/offline-refiner";
import { offlineBrandFromWebsiteWriter } from "../brands/from-website-writer";
import { offlinePlanWriter, offlineRepurposeWriter, offlineRewriteWriter } from "../plans/offline-writer";
import { offlineStrategyWriter } from "../strategies/offline-writer";

/**
 * The offline model's writers, one per task, handed to the offline model when the catalog is built. Each capability
 * keeps its writer in its own folder and adds one entry here; a task without a writer gets a plain-text answer, which
 * the structured-output loop treats as a failure.
 */
export const OFFLINE_WRITERS: OfflineWriters = {
  strategy: offlineStrategyWriter,
  plan: offlinePlanWriter,
  rewrite: offlineRewriteWriter,
  refine: writeRefinement,
  repurpose: offlineRepurposeWriter,
  "brand-from-website": offlineBrandFromWebsiteWriter,
};
