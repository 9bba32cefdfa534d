importScripts("/resources/testharness.js");
test(() => assert_true(self instanceof DedicatedWorkerGlobalScope), "global is a DedicatedWorkerGlobalScope");
test(() => assert_true(self instanceof WorkerGlobalScope), "global is a WorkerGlobalScope");
test(() => assert_true(self instanceof EventTarget), "global is an EventTarget");
test(() => assert_equals(GLOBAL_IS_UNDEFINED(), true), "no GLOBAL for .worker.js");
test(() => assert_equals(location.href, "http://web-platform.test:8000/basic/scope.worker.js"), "location");
test(() => assert_equals(location.origin, "http://web-platform.test:8000"), "origin");
test(() => assert_equals(String(location), location.href), "location stringifies");
test(() => assert_equals(isSecureContext, false), "http is not a secure context");
test(() => {
  let threw = null;
  try { importScripts("resources/missing.js"); } catch (e) { threw = e; }
  assert_equals(threw && threw.name, "NetworkError");
}, "importScripts of a missing script throws NetworkError");
test(() => {
  let seen = [];
  const listener = (e) => seen.push(e.type);
  self.addEventListener("custom", listener);
  self.dispatchEvent(new Event("custom"));
  self.removeEventListener("custom", listener);
  self.dispatchEvent(new Event("custom"));
  assert_equals(seen.join(), "custom");
}, "global event listeners");
done();
function GLOBAL_IS_UNDEFINED() { return typeof GLOBAL === "undefined"; }
