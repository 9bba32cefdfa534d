export const config = { runtime: 'edge' };
export default () => { new CompressionStream('gzip'); return new Response('unreachable'); };
