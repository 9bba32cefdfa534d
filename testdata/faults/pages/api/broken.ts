export default function handler(req, res) {
  const x = ;
}
