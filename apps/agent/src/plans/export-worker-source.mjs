// The export pool's thread entry when the agent runs from TypeScript sources (tsx, tests): Node's worker threads
// do not take tsx's loader hooks here, so the worker loads its module through tsx's API. The bundle (dist/) runs
// export-worker.js directly.
import { tsImport } from "tsx/esm/api";

const worker = await tsImport("./export-worker.ts", import.meta.url);
export default worker.default;
