// The part of jstat this package uses; jstat ships no types of its own. Its CommonJS export is the jStat object.
declare module "jstat" {
  const jStat: {
    beta: {
      /** The p-quantile of Beta(alpha, beta). */
      inv(p: number, alpha: number, beta: number): number;
    };
  };
  export default jStat;
}
