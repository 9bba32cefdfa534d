// Only .window.js tests get the document shim. Written for edgerun.
test(() => assert_equals(typeof document, "undefined"), "no document in a worker test");
