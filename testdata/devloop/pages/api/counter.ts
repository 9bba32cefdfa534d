import type { NextApiRequest, NextApiResponse } from "next";

// Module state: survives edits that do not touch the Node routes, and is
// reset (as next dev does) by edits that do.
let count = 0;

export default function handler(_req: NextApiRequest, res: NextApiResponse) {
  count++;
  res.status(200).send(String(count));
}
