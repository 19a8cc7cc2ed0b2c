import Link from "next/link";
import { currentSession } from "@/server/current-session";
import { LogoMark } from "./Logo";
import { LogoutButton } from "./LogoutButton";
import { NavLink } from "./NavLink";

export async function SiteHeader() {
  const session = await currentSession();
  return (
    <header className="site-header">
      <div className="container">
        <Link href={session ? "/strategies" : "/"} className="brand">
          <LogoMark />
          Strategist
        </Link>
        <nav className="site-nav" aria-label="Main">
          {session ? (
            <>
              <NavLink href="/strategies">History</NavLink>
              <NavLink href="/strategies/new" exact>
                New strategy
              </NavLink>
              <NavLink href="/brands">Brands</NavLink>
              <span className="who" title={session.email}>
                {session.email}
              </span>
              <LogoutButton />
            </>
          ) : (
            <>
              <NavLink href="/login" exact>
                Log in
              </NavLink>
              <Link href="/signup" className="button small">
                Sign up free
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
