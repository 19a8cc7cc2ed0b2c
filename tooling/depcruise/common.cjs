/**
 * Rules for every workspace: no import cycle between files, and one package (or app) reaches another only through
 * the other's package name, never by a relative path into its folder.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A file that reaches itself again through its imports: split the shared part into a module both can import.",
      severity: "error",
      from: { path: "^(apps|packages)/[^/]+/src/" },
      to: { circular: true },
    },
    {
      name: "no-relative-import-into-another-package",
      comment: "Import another workspace package by its name (@strategist/...), so only what it exports is used.",
      severity: "error",
      from: { path: "^(apps|packages)/([^/]+)/" },
      to: { dependencyTypes: ["local"], path: "^(apps|packages)/", pathNot: "^$1/$2/" },
    },
  ],
};
