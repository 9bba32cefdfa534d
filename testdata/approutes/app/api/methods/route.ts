export async function GET(request: Request) {
  return new Response(`GET ${request.method}`, { headers: { 'x-handler': 'GET' } });
}

export async function POST(request: Request) {
  return new Response(`POST ${await request.text()}`, { status: 201 });
}
