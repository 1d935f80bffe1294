// Times npm `write-good` over the same answers the Rust benchmark analysed.
// Usage: node benches/write_good.js ANSWERS.jsonl
// Prints WG_SECONDS_PER_PASS=… for scripts/bench.sh.
'use strict';
const fs = require('fs');
const path = require('path');

const file = process.argv[2];
if (!file) {
  console.error('usage: node benches/write_good.js ANSWERS.jsonl');
  process.exit(2);
}
let writeGood;
try {
  writeGood = require(path.join(process.cwd(), 'node_modules', 'write-good'));
} catch (e) {
  console.error('write-good is not installed (run `npm ci` at the repo root)');
  process.exit(3);
}
const answers = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l).text);
const bytes = answers.reduce((n, a) => n + Buffer.byteLength(a), 0);

for (const a of answers.slice(0, 5)) writeGood(a); // warm up the JIT

let passes = 0;
let suggestions = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
while (passes < 2 || elapsed < 3) {
  for (const a of answers) suggestions += writeGood(a).length;
  passes += 1;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
const perPass = elapsed / passes;
console.log('write-good benchmark (node ' + process.version + ')');
console.log(
  `  text: ${answers.length} answers, ${(bytes / 1e6).toFixed(2)} MB, ` +
    `${Math.round(suggestions / passes)} suggestions per pass`
);
console.log(
  `  throughput: ${(bytes / perPass / 1e6).toFixed(2)} MB/s ` +
    `(${(perPass * 1e3).toFixed(1)} ms per pass, ${passes} passes)`
);
console.log(`WG_SECONDS_PER_PASS=${perPass.toFixed(6)}`);
