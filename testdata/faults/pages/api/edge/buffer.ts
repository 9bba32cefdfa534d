export const config = { runtime: 'edge' };
export default () => new Response(typeof Buffer + ' ' + typeof require + ' ' + typeof EdgeRuntime);
