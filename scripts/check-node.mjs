// Exits with a clear message unless this is Node.js 24 or later. Plain JavaScript on purpose,
// so that it runs and explains itself on any Node version.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Holdout needs Node.js 24 or later; this is Node.js ${process.versions.node}.\n` +
      'The judge runs untrusted code in V8 isolates, and a sandbox is only as safe as the V8 under it: ' +
      'Node.js 20 stopped receiving security fixes in April 2026.\n' +
      'Install Node.js 24 (the current LTS), or on Linux x64 run: export PATH="$(scripts/node24.sh):$PATH"',
  );
  process.exit(1);
}
