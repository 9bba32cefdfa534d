export async function GET(_: Request, { params }: { params: Promise<{ slug: string[] }> }) {
  return Response.json(await params);
}
