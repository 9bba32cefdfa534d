export const handler = (req, res) => res.json({});
