test(() => {}, "before the loop");
for (;;) {}
