// Seed 002: "Stream large responses with ReadableStream and Response."
export const config = { runtime: 'edge' };

export default async function handler() {
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      for (let i = 0; i < 3; i++) {
        controller.enqueue(encoder.encode(`chunk ${i}\n`));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
