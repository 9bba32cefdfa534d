// Package file implements the File API's Blob and File
// (https://w3c.github.io/FileAPI/): construction from blob parts with
// line-ending conversion, slice, and reading through text(), arrayBuffer(),
// bytes() and stream().
//
// A Blob's bytes live in Go and never change, so slices share them and the
// host can hand a body to Go without copying (Blob.Bytes). Reading into JS
// (arrayBuffer, bytes, stream) copies, because JS may modify what it gets.
package file
