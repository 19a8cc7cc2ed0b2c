/** An estimated model cost in USD for people: "free" for zero, more decimals for fractions of a cent. */
export function formatCost(usd: number): string {
  if (usd === 0) return "free";
  if (usd < 0.01) return `< $0.01 ($${usd.toFixed(4)})`;
  return `$${usd.toFixed(2)}`;
}
