export async function GET(_: Request, { params }: { params: Promise<{ rest?: string[] }> }) {
  return Response.json(await params);
}
