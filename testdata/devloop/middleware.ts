import { NextRequest, NextResponse } from "next/server";

export const config = {
  matcher: ["/api/mw/:path*", "/api/protected"],
};

export function middleware(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (pathname === "/api/protected") {
    if (req.headers.get("authorization") !== "Bearer ok") {
      return new NextResponse("blocked v1", { status: 401 });
    }
    return NextResponse.rewrite(new URL("/api/echo?from=protected", req.url));
  }
  if (pathname === "/api/mw/rewrite") {
    return NextResponse.rewrite(new URL("/api/echo?from=mw", req.url));
  }
  if (pathname === "/api/mw/redirect") {
    return NextResponse.redirect(new URL("/api/hello", req.url));
  }
  if (pathname === "/api/mw/next") {
    const headers = new Headers(req.headers);
    headers.set("x-from-mw", "yes");
    headers.delete("x-drop-me");
    const res = NextResponse.next({ request: { headers } });
    res.headers.set("x-mw-response", "set");
    res.cookies.set("mw", "1");
    return res;
  }
  return NextResponse.next();
}
