import Link from "next/link";

/** The sentences a plan carries about the choices its strategy's results changed, with a link to every insight. */
export function PlanInsightsUsed({ strategyId, sentences }: { strategyId: string; sentences?: string[] }) {
  if (!sentences || sentences.length === 0) return null;
  return (
    <section className="plan-insights-used" aria-labelledby="insights-used-title">
      <h2 id="insights-used-title">What the results changed</h2>
      <ul>
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <Link href={`/strategies/${encodeURIComponent(strategyId)}/insights`}>All insights</Link>
    </section>
  );
}
