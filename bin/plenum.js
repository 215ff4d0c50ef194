#!/usr/bin/env node
// plenum's command line. Node 24 runs the TypeScript sources directly; older Node cannot.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `plenum needs Node.js 24 or later; this is Node ${process.versions.node}.\n` +
      'Install it (for example: npm install --prefix ~/.node24 node@24 and put\n' +
      '~/.node24/node_modules/node/bin first on PATH), then run the command again.\n',
  );
  process.exit(1);
}
// Node keeps the compiled (and type-stripped) modules between runs: a command starts in about
// half the CPU time (NODE_COMPILE_CACHE, when set, says where; else the system's temporary folder).
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
