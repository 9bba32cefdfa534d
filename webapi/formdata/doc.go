// Package formdata implements XMLHttpRequest's FormData
// (https://xhr.spec.whatwg.org/#interface-formdata) and the body formats
// fetch needs around it: the multipart/form-data encoding algorithm
// (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart/form-data-encoding-algorithm)
// with a random boundary, and parsing of multipart/form-data (with Go's
// mime/multipart) and application/x-www-form-urlencoded bodies into
// FormData objects, for Request and Response formData().
package formdata
