// pages/api/hello.ts (seed 002: "Next.js Route Handlers vs API Routes")
import type { NextApiRequest, NextApiResponse } from 'next';
export default function handler(req: NextApiRequest, res: NextApiResponse) {
if (req.method !== 'POST') return res.status(405).end();
const { name } = req.body;
res.status(200).json({ greeting: `Hello, ${name}` });
}
