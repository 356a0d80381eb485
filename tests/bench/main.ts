// npm run bench -- <name>: runs tests/bench/<name>.ts.
const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('Usage: npm run bench -- <name>   (e.g. import)');
  process.exit(2);
}
await import(`./${name}.ts`);
