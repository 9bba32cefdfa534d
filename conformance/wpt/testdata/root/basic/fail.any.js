test(() => {}, "passes");
test(() => assert_equals(2, 1, "numbers"), "fails");
promise_test(() => Promise.reject(new TypeError("rejected\nsecond line")), "rejects");
