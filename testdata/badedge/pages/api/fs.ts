import { readSomething } from '../../lib/reader';
export const config = { runtime: 'edge' };
export default () => new Response(readSomething());
