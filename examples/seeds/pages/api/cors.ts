import type { NextApiRequest, NextApiResponse } from 'next';
import { withCors } from '../../lib/withCors';

async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ message: 'CORS enabled' });
}

// Usage
export default withCors(handler);
