export function greet(): string {
  return "greet v1";
}
