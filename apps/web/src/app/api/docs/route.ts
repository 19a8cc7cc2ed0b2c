import { webApiDocument } from "@/server/api-document";

/** GET /api/docs: the OpenAPI document of the API this origin proxies (generate clients from it). */
export function GET(request: Request): Response {
  return Response.json(webApiDocument(new URL(request.url).origin), { headers: { "cache-control": "public, max-age=300" } });
}
