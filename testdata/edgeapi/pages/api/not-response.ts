export const config = { runtime: 'edge' };

export default async function handler() {
  return { not: 'a response' };
}
