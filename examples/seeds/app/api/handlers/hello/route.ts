// app/api/hello/route.ts (seed 002: "Next.js Route Handlers vs API Routes"),
// served at /api/handlers/hello: /api/hello is the seeds' pages route, and
// Next refuses a pages route and an app route at the same path.
export async function POST(request: Request) {
const { name } = await request.json();
return Response.json({ greeting: `Hello, ${name}` });
}
