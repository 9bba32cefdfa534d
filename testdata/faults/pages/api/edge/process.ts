export const config = { runtime: 'edge' };
export default () => { process.cwd(); return new Response('unreachable'); };
