// crosscheck.js runs the JS behaviour tables (dumped by TestCrossCheckWithNode)
// in a real Node.js and prints every case whose output differs from the
// expectation edgerun's tests assert. Usage:
//   EDGERUN_NODE_CROSSCHECK=1 go test -run TestCrossCheckWithNode ./webapi/node
const tables = require(process.argv[2]);
const filter = process.argv[3];
(async () => {
  for (const t of tables) {
    if (filter && !t.Group.startsWith(filter)) continue;
    let got;
    try {
      if (t.Async) {
        got = await new Promise((resolve) => {
          const fn = new Function('done', 'require', 'return (async () => {\n' + t.Src + '\n})()');
          const timer = setTimeout(() => resolve('TIMEOUT'), 3000);
          fn((v) => { clearTimeout(timer); resolve(String(v)); }, require).catch((e) => resolve('reject: ' + (e && e.stack)));
        });
      } else {
        const fn = new Function('require', '\n' + t.Src + '\n');
        try { got = String(fn(require)); } catch (e) { got = 'throw: ' + String(e); }
      }
    } catch (e) { got = 'HARNESS: ' + e; }
    if (got !== t.Want) console.log(`MISMATCH ${t.Group}/${t.Name}\n  node: ${JSON.stringify(got)}\n  want: ${JSON.stringify(t.Want)}`);
  }
})();
