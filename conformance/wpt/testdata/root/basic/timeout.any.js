// META: timeout=long
test(() => {}, "passes");
async_test("never finishes");
