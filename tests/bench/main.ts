// npm run bench -- <name>: runs tests/bench/<name>.ts.
const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  console.error('Usage: npm run bench -- <name>   (a file tests/bench/<name>.ts)');
  process.exit(2);
}
await import(`./${name}.ts`);
