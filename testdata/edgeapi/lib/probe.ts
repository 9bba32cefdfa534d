// probe runs the named check and answers with its result as text, or with
// "<name>: <message>" when it throws, so tests compare exact strings.
export async function probe(checks: Record<string, () => unknown>, name: string | null): Promise<Response> {
  const check = name ? checks[name] : undefined;
  if (!check) return new Response(`unknown probe ${name}`, { status: 404 });
  try {
    const result = await check();
    if (result instanceof Response) return result;
    return new Response(typeof result === 'string' ? result : JSON.stringify(result));
  } catch (e: any) {
    return new Response(`${e?.name}: ${e?.message}`);
  }
}
