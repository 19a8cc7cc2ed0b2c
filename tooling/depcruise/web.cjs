// Import rules of apps/web/src (dependency-cruiser `forbidden` rules).
//
//   app/            pages, layouts, route handlers: may import every folder below.
//   strategies/ conversations/ plans/ images/ insights/ brands/ account/   one folder per capability. Arrows between them:
//                   conversations, plans, images, insights -> strategies; strategies -> brands; conversations, plans, images,
//                   insights -> brands.
//                   brands and account import no other capability.
//   api/            the one browser client.          ui/  shared components.          shared/  pure helpers.
//   server/         server-only code. Only app/, proxy.ts and capability files named *.server.ts(x) may import it.
//
// Paths are relative to the repository root. `@/` imports resolve through tooling/depcruise/tsconfig.json, which the
// root config names by its absolute path; without it every `@/` import is left unresolved and no rule sees it.

const WEB = "^apps/web/src/";
const CAPABILITY = "(strategies|conversations|plans|images|insights|brands|account)";
const ANY_CAPABILITY = `${WEB}${CAPABILITY}/`;

/** A `forbidden` rule from one set of web folders to another. */
function rule(name, comment, from, to) {
  return { name, comment, severity: "error", from, to };
}

module.exports = {
  forbidden: [
    rule(
      "web-nothing-imports-app",
      "app/ is the top: pages and route handlers are imported by no other folder.",
      { path: WEB, pathNot: `${WEB}app/` },
      { path: `${WEB}app/` },
    ),
    rule(
      "web-ui-imports-no-capability",
      "ui/ holds shared components: no capability, no server code.",
      { path: `${WEB}ui/` },
      { path: [ANY_CAPABILITY, `${WEB}server/`] },
    ),
    rule(
      "web-api-imports-only-shared",
      "api/ is the browser client: it imports no capability, no component, no server code.",
      { path: `${WEB}api/` },
      { path: [ANY_CAPABILITY, `${WEB}(ui|server)/`] },
    ),
    rule(
      "web-shared-is-pure",
      "shared/ holds pure helpers for both sides: it imports no other folder of the web.",
      { path: `${WEB}shared/` },
      { path: WEB, pathNot: `${WEB}shared/` },
    ),
    rule(
      "web-server-imports-no-ui",
      "server/ is server-only plumbing: no capability, component or browser client.",
      { path: `${WEB}server/` },
      { path: [ANY_CAPABILITY, `${WEB}(ui|api)/`] },
    ),
    rule(
      "web-client-code-imports-no-server",
      "Components, hooks and client calls (every capability file not named *.server.ts(x)) never import server/ or a *.server file.",
      { path: [ANY_CAPABILITY, `${WEB}(ui|api|shared)/`], pathNot: "\\.server\\.tsx?$" },
      { path: [`${WEB}server/`, "\\.server\\.tsx?$"] },
    ),
    rule(
      "web-strategies-imports-only-brands",
      "strategies may use brands (a strategy is written for a brand); the capabilities built on strategies are above it.",
      { path: `${WEB}strategies/` },
      { path: `${WEB}(conversations|plans|images|insights|account)/` },
    ),
    rule(
      "web-strategy-features-stay-apart",
      "conversations, plans, images and insights each build on strategies (and brands), never on one another.",
      { path: `${WEB}(conversations|plans|images|insights)/` },
      { path: `${WEB}(conversations|plans|images|insights|account)/`, pathNot: `${WEB}$1/` },
    ),
    rule(
      "web-brands-and-account-are-lowest",
      "brands and account import no other capability.",
      { path: `${WEB}(brands|account)/` },
      { path: ANY_CAPABILITY, pathNot: `${WEB}$1/` },
    ),
  ],
};
