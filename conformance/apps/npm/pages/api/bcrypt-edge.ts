// bcryptjs in an edge route (it is pure JavaScript, so it works on Next's
// edge runtime; edgerun serves it from Go there too).
import bcrypt from 'bcryptjs';

export const config = { runtime: 'edge' };

export default async function handler(req: Request) {
  const { password, salt } = await req.json();
  try {
    const hash = await bcrypt.hash(password, salt ?? 10);
    return Response.json({
      hash,
      matches: await bcrypt.compare(password, hash),
      wrong: bcrypt.compareSync(password + '!', hash),
    });
  } catch (e) {
    return Response.json({ error: (e as Error).message }, { status: 400 });
  }
}
