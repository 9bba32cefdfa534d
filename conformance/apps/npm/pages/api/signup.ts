import type { NextApiRequest, NextApiResponse } from 'next';
import { z } from 'zod';
import { withValidation } from '../../lib/withValidation';

// Usage
const schema = z.object({
  email: z.string().email(),
  password: z.string().min(8),
});

async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { email, password } = req.body;
  // Email and password are validated
  res.status(200).json({ success: true });
}

export default withValidation(schema, handler);
