export const config = { runtime: 'edge' };
export default () => Response.json({ runtime: process.env.NEXT_RUNTIME, secret: process.env.FAULTS_SECRET });
