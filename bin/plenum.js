#!/usr/bin/env node
// plenum's command line; Node 24 runs the TypeScript sources directly.
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
