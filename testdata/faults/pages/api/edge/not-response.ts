export const config = { runtime: 'edge' };
export default () => ({ hello: 'world' });
