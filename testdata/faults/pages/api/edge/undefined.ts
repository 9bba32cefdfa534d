export const config = { runtime: 'edge' };
export default () => undefined;
