import { greet } from '../../../lib/greet';

export async function POST(request: Request) {
  const { name } = await request.json();
  return Response.json(await greet(name));
}
