// Allocates until the runner's memory guard stops the run.
test(() => {}, "before the allocation");
const hoard = [];
for (;;) hoard.push(new ArrayBuffer(16 << 20));
