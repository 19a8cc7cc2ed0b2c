/**
 * Rules for packages/*: they never import an app, and the imports between them point one way. Each package sits in a
 * tier and imports only packages of lower tiers, so no two packages can import each other, directly or through others.
 */

/** Lowest first. A new package goes into the lowest tier whose packages it does not need to import. */
const TIERS = [
  // The shapes (schemas), the adapters, telemetry and the page fetcher: no workspace dependency.
  ["schemas", "dynamo", "storage", "api-client", "local-sqs", "telemetry", "fetcher"],
  // The offline copywriter (reads briefs, writes strategies) and the results statistics: both build on the shapes.
  ["composer", "insights"],
  // The model stand-ins answer with the offline copywriter's text.
  ["local-bedrock", "local-openai"],
];

const STAND_INS = ["local-bedrock", "local-openai", "local-sqs"];

const tierRules = TIERS.map((tier, level) => {
  const below = TIERS.slice(0, level).flat();
  return {
    name: "packages-import-lower-tiers-only",
    comment: `${tier.join(", ")} may import ${below.length > 0 ? below.join(", ") : "no other workspace package"} (tooling/depcruise/packages.cjs lists the tiers).`,
    severity: "error",
    from: { path: `^packages/(${tier.join("|")})/` },
    to: { path: "^packages/", pathNot: `^packages/(${["$1", ...below].join("|")})/` },
  };
});

module.exports = {
  TIERS,
  forbidden: [
    {
      name: "packages-not-to-apps",
      comment: "A package is a building block of the apps; it never imports one.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "eval-reaches-agent-through-embed",
      comment: "The evaluation harness runs the agent in-process only through its public entry, @strategist/agent/embed.",
      severity: "error",
      from: { path: "^eval/" },
      to: { path: "^apps/", pathNot: "^apps/agent/src/main/embed\\.ts$" },
    },
    {
      name: "schemas-imports-no-workspace-package",
      comment: "Every app and package imports the schemas: they import nothing of ours.",
      severity: "error",
      from: { path: "^packages/schemas/" },
      to: { path: "^(apps|packages)/", pathNot: "^packages/schemas/" },
    },
    {
      name: "stand-ins-import-only-schemas-and-composer",
      comment:
        "A local stand-in of a cloud service speaks the wire shapes (schemas) and answers with the offline copywriter (composer); it knows no product code.",
      severity: "error",
      from: { path: `^packages/(${STAND_INS.join("|")})/` },
      to: { path: "^(apps|packages)/", pathNot: "^packages/($1|schemas|composer)/" },
    },
    ...tierRules,
  ],
};
