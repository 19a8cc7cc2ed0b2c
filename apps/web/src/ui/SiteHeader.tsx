import Link from "next/link";
import { CurrentPlanLink } from "./CurrentPlanLink";
import { LogoMark } from "./Logo";
import { LogoutButton } from "./LogoutButton";
import { NavLink } from "./NavLink";

/** The header on every page: the signed-in user's navigation (`email` given) or the way in. */
export function SiteHeader({ email }: { email?: string }) {
  return (
    <header className="site-header">
      <div className="container">
        <Link href={email ? "/strategies" : "/"} className="brand" prefetch={false}>
          <LogoMark />
          Strategist
        </Link>
        <nav className="site-nav" aria-label="Main">
          {email ? (
            <>
              <NavLink href="/strategies">History</NavLink>
              <CurrentPlanLink />
              <NavLink href="/strategies/new" exact>
                New strategy
              </NavLink>
              <NavLink href="/brands">Brands</NavLink>
              <NavLink href="/account/keys">API keys</NavLink>
              <span className="who" title={email}>
                {email}
              </span>
              <LogoutButton />
            </>
          ) : (
            <>
              <NavLink href="/login" exact>
                Log in
              </NavLink>
              <Link href="/signup" className="button small" prefetch={false}>
                Sign up free
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
