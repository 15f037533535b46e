#!/usr/bin/env node
// `npm test`: every gate a change must pass, in order, then one closing line with the counts.
// Format, typecheck, lint, build, unit + integration (vitest), end-to-end (Playwright in Chromium),
// and the quick benchmark, so its harness cannot rot (its figures are not a gate; its running is).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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

if (playwright?.stats?.skipped) {
  // A skipped test always says why.
  for (const suite of playwright.suites ?? []) {
    const walk = (s) => {
      for (const spec of s.specs ?? []) {
        for (const t of spec.tests ?? []) {
          if (t.status === 'skipped') {
            const reason =
              t.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
            process.stdout.write(`skipped: ${spec.title} — ${reason}\n`);
          }
        }
      }
      for (const child of s.suites ?? []) walk(child);
    };
    walk(suite);
  }
}
// The failures again, by name, at the end: a CI log is often read from its tail.
const failures = [];
for (const file of vitest?.testResults ?? []) {
  for (const t of file.assertionResults ?? []) {
    if (t.status !== 'failed') continue;
    const why = (t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
    failures.push(`${file.name.replace(`${process.cwd()}/`, '')} › ${t.fullName}\n    ${why}`);
  }
}
const walkFailed = (suite, file) => {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status !== 'unexpected') continue;
      const error = t.results?.at(-1)?.error?.message ?? '';
      failures.push(`${file} › ${spec.title}\n    ${error.split('\n')[0].slice(0, 300)}`);
    }
  }
  for (const child of suite.suites ?? []) walkFailed(child, file);
};
for (const suite of playwright?.suites ?? []) walkFailed(suite, suite.file ?? suite.title);
if (failures.length) process.stdout.write(`\nFailed tests:\n${failures.join('\n')}\n`);
if (failed.length) process.stdout.write(`\nFailed gates: ${failed.join(', ')}\n`);
process.stdout.write(`\ntests: ${passed} passed, ${failedTests} failed, ${skipped} skipped\n`);
process.exit(failed.length ? 1 : 0);
