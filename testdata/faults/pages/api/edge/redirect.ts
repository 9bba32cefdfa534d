import { NextResponse } from 'next/server';
export const config = { runtime: 'edge' };
export default (req) => NextResponse.redirect(new URL('/api/edge/ok', req.url));
