import { protectedResourceMetadataResponse } from "@/server/protected-resource";

export const dynamic = "force-dynamic";

// Also served at /.well-known/oauth-protected-resource (next.config.ts rewrites it here).
export { protectedResourceMetadataResponse as GET };
