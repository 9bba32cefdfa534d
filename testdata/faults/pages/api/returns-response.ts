export default function handler() { return new Response('nope') }
