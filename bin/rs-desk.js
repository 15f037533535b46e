#!/usr/bin/env node
// RS Desk's command line. Runs the TypeScript sources directly on the project's pinned Node 24
// (npm run / npx put node_modules/.bin, with Node 24, first on PATH).
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `RS Desk needs Node 24 and this is Node ${process.versions.node}. ` +
      'Run it through npm (npm start, or npx rs-desk …) from the project folder after npm install, ' +
      'which uses the Node 24 the project installs.\n',
  );
  process.exit(1);
}
const { runCli } = await import('../electron/cli/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
