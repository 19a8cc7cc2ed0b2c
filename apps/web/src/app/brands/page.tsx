import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { listBrands } from "@/server/agent-api";
import { loginPath, requireSession } from "@/server/current-session";
import "@/brands/brands.css";

export const metadata: Metadata = { title: "Brands" };

export default async function BrandsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const session = await requireSession("/brands");
  const result = await listBrands(session.token);
  if (result.kind === "unauthorized") redirect(loginPath("/brands"));
  if (result.kind !== "ok") throw new Error(`Loading the brands failed (${result.kind})`);
  const brands = result.value;
  const { deleted } = await searchParams;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Brands</h1>
          <p>Each brand remembers its brief and its voice. Pick one on a new strategy and its banned words are never written.</p>
        </div>
        <Link href="/brands/new" className="button">
          New brand
        </Link>
      </div>
      {deleted && (
        <p className="alert info" role="status">
          Brand deleted. Strategies written for it are kept.
        </p>
      )}
      {brands.length === 0 ? (
        <section className="empty-state" aria-labelledby="no-brands">
          <h2 id="no-brands">No brands yet</h2>
          <p>Save a brand once — its audience, goals, tone, words to avoid and hashtags — and every strategy starts from it.</p>
          <Link href="/brands/new" className="button large">
            Create your first brand
          </Link>
        </section>
      ) : (
        <ul className="brand-list" aria-label="Your brands">
          {brands.map((brand) => (
            <li key={brand.id}>
              <article className="brand-card">
                <h2>
                  <Link href={`/brands/${encodeURIComponent(brand.id)}`}>{brand.name}</Link>
                </h2>
                <p className="muted">{brand.industry}</p>
                <p>
                  {brand.voice.tone.length > 0 ? `Tone: ${brand.voice.tone.join(", ")}` : "No tone set"}
                  {brand.voice.banned_words.length > 0 &&
                    ` · ${brand.voice.banned_words.length} banned word${brand.voice.banned_words.length === 1 ? "" : "s"}`}
                </p>
                <Link href={`/strategies/new?brand=${encodeURIComponent(brand.id)}`}>
                  New strategy<span className="visually-hidden"> for {brand.name}</span>
                </Link>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
