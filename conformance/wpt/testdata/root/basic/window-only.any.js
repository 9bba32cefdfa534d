// META: global=window
test(() => {}, "never runs in a worker");
