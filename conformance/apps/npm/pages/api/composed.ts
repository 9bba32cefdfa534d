import type { NextApiRequest, NextApiResponse } from 'next';
import { compose } from '../../lib/compose';
import { withAuth } from '../../lib/withAuth';
import { withCors } from '../../lib/withCors';
import { withRateLimit } from '../../lib/rateLimit';

async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ message: 'Protected endpoint' });
}

export default compose(
  withCors,
  withRateLimit,
  withAuth
)(handler);
