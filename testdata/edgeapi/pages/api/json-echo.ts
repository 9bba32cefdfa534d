// The benchmark route: parse a JSON body, answer with NextResponse.json.
import { NextResponse } from 'next/server';

export const config = { runtime: 'edge' };

export default async function handler(req: any) {
  const body = await req.json();
  return NextResponse.json({ id: body.id, name: String(body.name).toUpperCase(), tags: body.tags.length });
}
