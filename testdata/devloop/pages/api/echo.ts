import type { NextApiRequest, NextApiResponse } from "next";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({
    url: req.url,
    query: req.query,
    fromMw: req.headers["x-from-mw"] ?? null,
    mwResponse: req.headers["x-mw-response"] ?? null,
    dropped: req.headers["x-drop-me"] ?? null,
  });
}
