import type { NextApiRequest, NextApiResponse } from "next";

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader("Set-Cookie", "route=1; Path=/");
  res.status(200).json({
    slug: req.query.slug,
    fromMw: req.headers["x-from-mw"] ?? null,
    mwResponse: req.headers["x-mw-response"] ?? null,
    dropped: req.headers["x-drop-me"] ?? null,
  });
}
