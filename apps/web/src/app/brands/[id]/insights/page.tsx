import type { Metadata } from "next";
import Link from "next/link";
import { InsightsView } from "@/insights/InsightsView";
import { getBrand, getBrandInsights } from "@/server/agent-api";
import { loadForPage } from "@/server/page-data";

interface Props {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: "Brand insights" };

export default async function BrandInsightsPage({ params }: Props) {
  const { id } = await params;
  const returnTo = `/brands/${encodeURIComponent(id)}/insights`;
  const [brand, insights] = await Promise.all([
    loadForPage(returnTo, "brand", (token) => getBrand(token, id)),
    loadForPage(returnTo, "insights", (token) => getBrandInsights(token, id)),
  ]);
  return (
    <>
      <p className="eyebrow">
        <Link href={`/brands/${encodeURIComponent(id)}`}>← {brand.name}</Link>
      </p>
      <h1>What worked across {brand.name}&apos;s strategies</h1>
      <p className="hint">A new strategy for this brand starts from these results.</p>
      <InsightsView insights={insights} />
    </>
  );
}
