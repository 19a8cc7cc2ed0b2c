import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { BrandForm } from "@/brands/BrandForm";
import { getBrand } from "@/server/agent-api";
import { loadForPage } from "@/server/page-data";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}

const loadBrand = cache((id: string) => loadForPage(`/brands/${encodeURIComponent(id)}`, "brand", (token) => getBrand(token, id)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await loadBrand((await params).id)).name} · Brand` };
}

export default async function BrandPage({ params, searchParams }: Props) {
  const brand = await loadBrand((await params).id);
  const { created } = await searchParams;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{brand.name}</h1>
          <p>Edit the brief&apos;s defaults and the voice. Strategies already written keep the voice they followed.</p>
        </div>
        <Link href={`/strategies/new?brand=${encodeURIComponent(brand.id)}`} className="button">
          New strategy for this brand
        </Link>
        <Link href={`/brands/${encodeURIComponent(brand.id)}/insights`} className="button secondary">
          What worked
        </Link>
      </div>
      {created && (
        <p className="alert info" role="status">
          Brand created.
        </p>
      )}
      {/* Keyed by the brand, not its version: a save refreshes the page, and "Saved." must outlive that. */}
      <BrandForm key={brand.id} brand={brand} />
    </>
  );
}
