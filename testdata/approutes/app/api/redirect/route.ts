import { redirect } from 'next/navigation';
import { cookies } from 'next/headers';

export async function GET() {
  (await cookies()).set('from', 'redirect');
  redirect('/api/methods');
}

export async function POST() {
  redirect('/api/methods');
}
