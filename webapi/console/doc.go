// Package console implements the console namespace
// (https://console.spec.whatwg.org/) with Node.js's output format: the
// arguments of console.log and friends are rendered by Format (Node's
// util.format) and Inspect (Node's util.inspect), so what a route logs
// under edgerun reads as it does under `next dev`. Lines go to a Sink the
// host provides, tagged with their level.
//
// Format and Inspect are exported for the Node shim's util module.
package console
