// Dynamic code evaluation at run time: production's EvalError by default,
// next dev's warning with edgerun.WithLenientEdge(true) (spec §2.7). The
// code is reached indirectly, so next build's static check (which rejects
// a literal eval) lets the route through to the runtime check.
export const config = { runtime: 'edge' };

const g = globalThis as any;

export default function handler(req: any) {
  const kind = req.nextUrl.searchParams.get('kind');
  const run = kind === 'function'
    ? () => new g['Func' + 'tion']('a', 'b', 'return a + b')(2, 3)
    : () => g['ev' + 'al']('2 + 3');
  try {
    return new Response(`${kind}: ${run()}`);
  } catch (e: any) {
    return new Response(`${kind}: ${e.name}: ${e.message} (EvalError: ${e instanceof EvalError})`);
  }
}
