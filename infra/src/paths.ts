import { fileURLToPath } from "node:url";

/** The repository root (infra/ sits one level below it). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const TERRAFORM_DIR = fileURLToPath(new URL("../terraform/", import.meta.url));
