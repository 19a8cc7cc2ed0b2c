// The agent's layers (apps/agent/src), low to high. A folder imports only the folders below it and itself; the
// capabilities on one level (conversations, plans, images) never import each other. docs/architecture.md explains
// what each folder owns.
const SRC = "^apps/agent/src";
// keys (API keys) needs only the layers below http's capabilities; mcp serves the capabilities to assistants, so it
// sits above them all.
const LAYERS = [
  ["core"],
  ["models"],
  ["generation"],
  ["http"],
  ["keys"],
  ["brands"],
  ["strategies"],
  ["conversations", "plans", "images", "results"],
  ["mcp"],
  ["main"],
];

const folders = (names) => `${SRC}/(${names.join("|")})/`;

/** One rule per layer: nothing in it may import a folder of a higher layer. */
const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `agent-layer-${layer.join("-")}`,
  comment: `apps/agent/src/{${layer.join(",")}} imports only lower layers; ${LAYERS.slice(index + 1)
    .flat()
    .join(", ")} are above it.`,
  severity: "error",
  from: { path: folders(layer) },
  to: { path: folders(LAYERS.slice(index + 1).flat()) },
}));

/** One rule per capability of a level with several: it may not import its siblings. */
const siblings = LAYERS.filter((level) => level.length > 1).flatMap((level) =>
  level.map((name) => ({
    name: `agent-sibling-${name}`,
    comment: `apps/agent/src/${name} does not import the other capabilities of its level (${level.filter((other) => other !== name).join(", ")}); shared code goes into a lower layer.`,
    severity: "error",
    from: { path: folders([name]) },
    to: { path: folders(level.filter((other) => other !== name)) },
  })),
);

module.exports = {
  forbidden: [
    ...upward,
    ...siblings,
    {
      name: "agent-src-in-a-layer",
      comment: "Every file of apps/agent/src lives in one of the layer folders, so the layer rules see it.",
      severity: "error",
      from: { path: `${SRC}/` },
      to: { path: `${SRC}/[^/]+$` },
    },
    {
      name: "agent-src-root-file",
      comment: "A file directly under apps/agent/src belongs to no layer: move it into the folder that owns it.",
      severity: "error",
      from: { path: `${SRC}/[^/]+$` },
      to: {},
    },
    {
      name: "agent-src-no-build-tools",
      comment: "The running service never imports build-time code (apps/agent/scripts) or tests.",
      severity: "error",
      from: { path: `${SRC}/` },
      to: { path: "^apps/agent/(scripts|test)/" },
    },
  ],
};
