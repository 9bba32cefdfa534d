// lib/compose.ts
import type { NextApiHandler } from 'next';

export function compose(...middlewares: ((handler: NextApiHandler) => NextApiHandler)[]) {
  return (handler: NextApiHandler): NextApiHandler => {
    return middlewares.reduceRight(
      (wrapped, middleware) => middleware(wrapped),
      handler
    );
  };
}
