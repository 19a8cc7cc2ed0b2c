export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "healthy", service: "strategist-web" }, { headers: { "cache-control": "no-store" } });
}
