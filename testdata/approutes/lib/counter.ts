// Module state shared by every Node route, pages and app alike.
let n = 0;
export function next(): number {
  return ++n;
}
