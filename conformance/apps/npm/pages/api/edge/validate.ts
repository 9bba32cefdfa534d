// An edge route that parses a JSON body with zod and answers NextResponse.json.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';

export const config = { runtime: 'edge' };

const Body = z.object({ name: z.string().min(1), age: z.number().int().nonnegative() });

export default async function handler(req: NextRequest) {
  const parsed = Body.safeParse(await req.json());
  if (!parsed.success) {
    return NextResponse.json({ error: 'Validation error', issues: parsed.error.issues }, { status: 400 });
  }
  return NextResponse.json({ hello: parsed.data.name, next: parsed.data.age + 1 });
}
