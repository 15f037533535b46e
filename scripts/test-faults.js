#!/usr/bin/env node
// `npm run test:faults`: the reliability tests (test/faults: crash safety, printer and partner
// faults, two desks at once, fuzzed input), then one table of what they tried, from the counts
// each area wrote to test-results/faults/. The README's Reliability section quotes this table.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = join('test-results', 'faults');
rmSync(dir, { recursive: true, force: true });
const run = spawnSync('npx', ['vitest', 'run', 'test/faults', ...process.argv.slice(2)], {
  stdio: 'inherit',
});

const areas = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  : [];
process.stdout.write('\n| area | what was tried |\n|---|---|\n');
for (const { area, counts } of areas) {
  const tried = Object.entries(counts)
    .map(([name, n]) => `${n.toLocaleString('en-US')} ${name}`)
    .join(', ');
  process.stdout.write(`| ${area} | ${tried} |\n`);
}
process.exit(run.status ?? 1);
