package server

import "net/http"

// flightHeaders are the App Router's request headers (RSC,
// Next-Router-State-Tree, ...: FLIGHT_HEADERS in
// client/components/app-router-headers.ts). Next's edge adapter removes
// them from the request an edge API handler sees unless
// skipProxyUrlNormalize is set (checked against next start 16.4.6).
var flightHeaders = [...]string{"Rsc", "Next-Router-State-Tree", "Next-Router-Prefetch", "Next-Hmr-Refresh", "Next-Router-Segment-Prefetch"}

// stripFlightHeaders deletes the flight headers from h (canonical keys).
func stripFlightHeaders(h http.Header) {
	for _, k := range flightHeaders {
		delete(h, k)
	}
}
