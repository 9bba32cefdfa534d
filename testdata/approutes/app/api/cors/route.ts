// Seed 002: "export an OPTIONS handler that returns the right
// Access-Control-Allow-* headers" for preflight requests.
const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
};

export function OPTIONS() {
  return new Response(null, { status: 204, headers: cors });
}

export function GET() {
  return Response.json({ ok: true }, { headers: cors });
}
