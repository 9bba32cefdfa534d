export const config = { runtime: 'edge' };
export default function handler() { for (;;) {} }
