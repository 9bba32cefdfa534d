export const runtime = 'edge';

export function GET() {
  return 'not a response';
}
