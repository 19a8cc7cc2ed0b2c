import Link from "next/link";
import "@/ui/error-page.css";

export default function NotFound() {
  return (
    <section className="error-page" aria-labelledby="missing-title">
      <p className="code">404 · NOT FOUND</p>
      <h1 id="missing-title">We couldn&apos;t find that page</h1>
      <p>The strategy or page you are looking for doesn&apos;t exist. It may have been mistyped.</p>
      <div className="button-row">
        <Link href="/strategies" className="button">
          History
        </Link>
        <Link href="/" className="button secondary">
          Home
        </Link>
      </div>
    </section>
  );
}
