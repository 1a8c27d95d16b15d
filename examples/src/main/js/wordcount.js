// Word count over every file under /inputs (recursively), as a bacalhau4j JavaScript function.
//   bacalhau4j function run examples/src/main/js/wordcount.js -i file:///path/to/texts:/inputs
// Writes /outputs/counts.txt ("word count" lines, most frequent first) and prints a summary.
// The script API (readFile, listDir, stat, writeFile, args, env...) is in docs/functions.md.

const root = args[0] || '/inputs';
const top = Number(args[1] || 10);

function* files(dir) {
  for (const name of listDir(dir)) {
    const path = dir + '/' + name;
    if (stat(path).type === 'directory') yield* files(path);
    else yield path;
  }
}

// The same words as wordcount.wasm (examples/src/main/wasm/wordcount.c), so both examples agree on
// the same texts: the total counts whitespace-separated words, as wc(1) does; the frequencies count
// runs of ASCII letters, lowercased ("don't" is "don" and "t").
const counts = new Map();
let total = 0;
for (const path of files(root)) {
  const text = readFile(path);
  total += text.split(/[ \t\n\v\f\r]+/).filter(Boolean).length;
  for (const word of text.toLowerCase().match(/[a-z]+/g) || []) counts.set(word, (counts.get(word) || 0) + 1);
}

const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
writeFile('/outputs/counts.txt', sorted.map(([w, n]) => `${w} ${n}`).join('\n') + '\n');
console.log(`${total} words, ${counts.size} distinct`);
for (const [w, n] of sorted.slice(0, top)) console.log(`${String(n).padStart(7)} ${w}`);
