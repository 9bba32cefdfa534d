/** @type {import('next').NextConfig} */
module.exports = {
  async headers() {
    return [
      { source: "/api/:path*", headers: [{ key: "x-config", value: "headers v1" }] },
      { source: "/api/posts/:id", headers: [{ key: "x-post", value: "post-:id" }] },
    ];
  },
  async redirects() {
    return [
      { source: "/api/old/:id", destination: "/api/posts/:id", permanent: true },
      { source: "/api/temp", destination: "/api/hello", permanent: false },
      { source: "/api/see-other", destination: "/api/hello", statusCode: 303 },
      {
        source: "/api/flagged",
        has: [{ type: "header", key: "x-flag" }],
        destination: "/api/hello",
        permanent: false,
      },
    ];
  },
  async rewrites() {
    return {
      beforeFiles: [{ source: "/api/hello", has: [{ type: "query", key: "shadow" }], destination: "/api/echo" }],
      afterFiles: [
        { source: "/api/fb/:path*", destination: "/api/echo" },
        { source: "/api/posts/special", destination: "/api/echo?special=1" },
        { source: "/api/upstream/:path*", destination: "http://upstream.example/:path*" },
      ],
      fallback: [{ source: "/api/missing/:x", destination: "/api/posts/:x" }],
    };
  },
};
