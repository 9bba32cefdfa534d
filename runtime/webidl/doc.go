// Package webidl implements the WebIDL type conversions
// (https://webidl.spec.whatwg.org/#js-type-mapping) Web API packages apply
// to their arguments, with Chrome's error wording.
//
// Error messages carry a context such as "Failed to execute 'append' on
// 'Headers'" or "Failed to construct 'Request'"; build it with Method or
// Construct and pass it down.
package webidl
