// A handler that returns nothing is NextResponse.next() (spec §2.2).
export const config = { runtime: 'edge' };

export default function handler() {
  return undefined;
}
