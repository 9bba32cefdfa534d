// Not a route handler: edgerun serves route handlers only.
export default function Page() {
  return null;
}
