import { notFound } from 'next/navigation';

export function GET() {
  notFound();
}
