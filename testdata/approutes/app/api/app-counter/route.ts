import { next } from '../../../lib/counter';

export function GET() {
  return Response.json({ from: 'app', n: next() });
}
