// META: script=resources/handler.py
test(() => {}, "never runs");
