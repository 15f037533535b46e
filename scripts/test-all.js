#!/usr/bin/env node
// `npm test`: every gate a change must pass, in order, then one closing line with the counts.
// Format, typecheck, lint, build, unit + integration (vitest), end-to-end (Playwright in Chromium),
// and the quick benchmark, so its harness cannot rot (its figures are not a gate; its running is).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

const results = 'test-results';
rmSync(`${results}/vitest.json`, { force: true });
rmSync(`${results}/playwright.json`, { force: true });
mkdirSync(results, { recursive: true });

const steps = [
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json']],
  ['typecheck (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['build', 'npx', ['electron-vite', 'build']],
  [
    'unit and integration tests',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}/vitest.json`,
    ],
  ],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
  ['benchmark (quick)', 'npm', ['run', 'bench', '--', '--quick']],
];

const failed = [];
for (const [name, command, args] of steps) {
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
  // Nothing after a broken build or typecheck can be trusted; tests still run after lint.
  if (run.status !== 0 && (name.startsWith('typecheck') || name === 'build')) break;
}

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}
const vitest = read(`${results}/vitest.json`);
const playwright = read(`${results}/playwright.json`);
const passed =
  (vitest?.numPassedTests ?? 0) +
  (playwright?.stats?.expected ?? 0) +
  (playwright?.stats?.flaky ?? 0);
const failedTests = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped =
  (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);

/** Every Playwright test in the report, with the spec file and title it belongs to. */
function* playwrightTests(suite = { suites: playwright?.suites ?? [] }, file = '') {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) yield { file, spec, test };
  }
  for (const child of suite.suites ?? []) yield* playwrightTests(child, child.file ?? file);
}
/** An error's first line, without the terminal's colour codes. */
const firstLine = (message) =>
  stripVTControlCharacters(message ?? '')
    .split('\n')[0]
    .slice(0, 300);

// A skipped test always says why.
for (const { spec, test } of playwrightTests()) {
  if (test.status !== 'skipped') continue;
  const reason = test.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
  process.stdout.write(`skipped: ${spec.title} — ${reason}\n`);
}
// The failures again, by name, at the end: a CI log is often read from its tail.
const failures = [];
for (const file of vitest?.testResults ?? []) {
  for (const t of file.assertionResults ?? []) {
    if (t.status !== 'failed') continue;
    const where = file.name.replace(`${process.cwd()}/`, '');
    failures.push(`${where} › ${t.fullName}\n    ${firstLine(t.failureMessages?.[0])}`);
  }
}
for (const { file, spec, test } of playwrightTests()) {
  if (test.status !== 'unexpected') continue;
  const error = test.results?.at(-1)?.error?.message;
  failures.push(`${file} › ${spec.title}\n    ${firstLine(error)}`);
}
if (failures.length) process.stdout.write(`\nFailed tests:\n${failures.join('\n')}\n`);
if (failed.length) process.stdout.write(`\nFailed gates: ${failed.join(', ')}\n`);
process.stdout.write(`\ntests: ${passed} passed, ${failedTests} failed, ${skipped} skipped\n`);
process.exit(failed.length ? 1 : 0);
