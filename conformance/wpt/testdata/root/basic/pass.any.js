test(() => assert_equals(1 + 1, 2), "arithmetic");
test(() => assert_true(self === globalThis), "self is the global");
promise_test(() => Promise.resolve(3).then((v) => assert_equals(v, 3)), "promise");
async_test((t) => { Promise.resolve().then(t.step_func_done(() => {})); }, "async");
