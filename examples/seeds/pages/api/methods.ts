import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'GET') {
    return handleGet(req, res);
  }

  if (req.method === 'POST') {
    return handlePost(req, res);
  }

  if (req.method === 'PUT') {
    return handlePut(req, res);
  }

  if (req.method === 'DELETE') {
    return handleDelete(req, res);
  }

  // Method not allowed
  return res.status(405).json({ error: 'Method not allowed' });
}

function handleGet(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ method: 'GET' });
}

function handlePost(req: NextApiRequest, res: NextApiResponse) {
  const { title, content } = req.body;
  res.status(201).json({ created: true, title, content });
}

function handlePut(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ method: 'PUT' });
}

function handleDelete(req: NextApiRequest, res: NextApiResponse) {
  res.status(204).end();
}
