/** Where the development secret lives under a data directory. */
export function developmentSecretFile(dataDir: string): string;
/** Reads the development secret; undefined when none was written yet. */
export function readDevelopmentSecret(dataDir: string): string | undefined;
/** Reads the development secret, first writing a random 32-byte one (owner-only) when there is none. */
export function developmentSecret(dataDir: string): string;
