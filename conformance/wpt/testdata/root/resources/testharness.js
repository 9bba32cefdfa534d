// A minimal test harness for the runner's own tests, written for edgerun.
// It has the callback API of WPT's resources/testharness.js (test,
// async_test, promise_test, add_result_callback, add_completion_callback,
// done, timeout, setup) and its status codes, and, like it, turns error and
// unhandledrejection events on the global into a harness ERROR.
(function (global) {
  "use strict";
  var PASS = 0, FAIL = 1, TIMEOUT = 2, NOTRUN = 3;
  var OK = 0, ERROR = 1, HARNESS_TIMEOUT = 2;
  var tests = [];
  var resultCallbacks = [];
  var completionCallbacks = [];
  var loaded = false;
  var completed = false;
  var harness = { status: OK, message: null };

  function Test(name) {
    this.name = name;
    this.status = null;
    this.message = null;
    this.finished = false;
    tests.push(this);
  }
  Test.prototype.step = function (fn, self) {
    if (this.finished) return undefined;
    try {
      return fn.apply(self === undefined ? this : self, Array.prototype.slice.call(arguments, 2));
    } catch (e) {
      this.fail(e);
      return undefined;
    }
  };
  Test.prototype.step_func = function (fn) {
    var t = this;
    return function () {
      return t.step.apply(t, [fn, this].concat(Array.prototype.slice.call(arguments)));
    };
  };
  Test.prototype.step_func_done = function (fn) {
    var t = this;
    return function () {
      if (fn) t.step.apply(t, [fn, this].concat(Array.prototype.slice.call(arguments)));
      t.done();
    };
  };
  Test.prototype.fail = function (e) {
    if (this.finished) return;
    this.status = FAIL;
    this.message = e && e.message !== undefined ? e.message : String(e);
    this.done();
  };
  Test.prototype.done = function () {
    if (this.finished) return;
    if (this.status === null) this.status = PASS;
    this.finished = true;
    for (var i = 0; i < resultCallbacks.length; i++) resultCallbacks[i](this);
    maybeComplete();
  };

  function complete() {
    if (completed) return;
    completed = true;
    for (var i = 0; i < completionCallbacks.length; i++) completionCallbacks[i](tests, harness);
  }
  function maybeComplete() {
    if (!loaded || completed) return;
    for (var i = 0; i < tests.length; i++) if (!tests[i].finished) return;
    complete();
  }

  global.test = function (fn, name) {
    var t = new Test(name);
    t.step(fn, t, t);
    t.done();
  };
  global.async_test = function (fn, name) {
    if (typeof fn === "string") { name = fn; fn = null; }
    var t = new Test(name);
    if (fn) t.step(fn, t, t);
    return t;
  };
  global.promise_test = function (fn, name) {
    var t = new Test(name);
    Promise.resolve().then(function () { return fn(t); }).then(
      function () { t.done(); },
      function (e) { t.fail(e); });
  };
  global.setup = function () {};
  global.add_result_callback = function (cb) { resultCallbacks.push(cb); };
  global.add_completion_callback = function (cb) { completionCallbacks.push(cb); };
  global.done = function () { loaded = true; maybeComplete(); };
  global.timeout = function () {
    harness.status = HARNESS_TIMEOUT;
    for (var i = 0; i < tests.length; i++) {
      var t = tests[i];
      if (!t.finished) {
        t.status = TIMEOUT;
        t.message = "Test timed out";
        t.finished = true;
        for (var j = 0; j < resultCallbacks.length; j++) resultCallbacks[j](t);
      }
    }
    complete();
  };
  global.assert_true = function (v, msg) {
    if (v !== true) throw new Error("assert_true: " + (msg || "") + " expected true got " + v);
  };
  global.assert_equals = function (actual, expected, msg) {
    if (actual !== expected) {
      throw new Error("assert_equals: " + (msg ? msg + " " : "") + "expected " + expected + " but got " + actual);
    }
  };

  function fatal(message) {
    harness.status = ERROR;
    harness.message = message;
    loaded = true;
    for (var i = 0; i < tests.length; i++) {
      if (!tests[i].finished) {
        tests[i].status = NOTRUN;
        tests[i].finished = true;
      }
    }
    complete();
  }
  global.addEventListener("error", function (e) { fatal(e.message); });
  global.addEventListener("unhandledrejection", function (e) {
    fatal("Unhandled rejection: " + (e.reason && e.reason.message));
  });
})(self);
