export const config = { runtime: 'edge' };
export default () => new Response(String(new Function('return 2')()));
