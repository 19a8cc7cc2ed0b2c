"use client";

import Link from "next/link";
import "@/ui/error-page.css";

/** Any unexpected failure while rendering a page: say so plainly and offer a way forward. */
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="code">SOMETHING WENT WRONG</p>
      <h1 id="error-title">We couldn&apos;t load this page</h1>
      <p>The strategy service may be restarting. Try again in a moment.</p>
      <div className="button-row">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="button secondary">
          Home
        </Link>
      </div>
    </section>
  );
}
