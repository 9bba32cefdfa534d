// Seed 002's practical tip: share business logic in a plain function and
// call it from both routers.
export async function greet(name: string) {
  return { greeting: `Hello, ${name}` };
}
