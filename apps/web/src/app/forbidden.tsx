import Link from "next/link";
import "@/ui/error-page.css";

export default function AccessDenied() {
  return (
    <section className="error-page" aria-labelledby="denied-title">
      <p className="code">403 · ACCESS DENIED</p>
      <h1 id="denied-title">This strategy belongs to someone else</h1>
      <p>Strategies are private to the account that created them. If you think this is yours, check that you are logged in with the right account.</p>
      <div className="button-row">
        <Link href="/strategies" className="button">
          History
        </Link>
        <Link href="/strategies/new" className="button secondary">
          New strategy
        </Link>
      </div>
    </section>
  );
}
