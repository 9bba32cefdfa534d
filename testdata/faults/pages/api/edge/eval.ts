export const config = { runtime: 'edge' };
export default () => new Response(String(eval('1 + 1')));
