import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IsoVersion } from '../../electron/messaging/iso18626/index.ts';

/**
 * The ISO 18626 schemas and samples live in the shared folder beside the repository (../shared in
 * CI and on a developer's machine), not in it; ISO18626_DIR points elsewhere if needed. Schema
 * validation runs the real xmllint (libxml2-utils), as a partner's validator would.
 */

const REPO = resolve(import.meta.dirname, '../..');

export const ISO18626_DIR = process.env['ISO18626_DIR'] ?? join(REPO, '../shared/iso18626');

const SCHEMA_FILES: Readonly<Record<IsoVersion, string>> = {
  '1.2': 'ISO-18626-v1_2.xsd',
  '2021': 'ISO-18626-2021-2.xsd',
};

function requireDir(): string {
  if (!existsSync(join(ISO18626_DIR, SCHEMA_FILES['1.2']))) {
    throw new Error(
      `The ISO 18626 schemas are not in ${ISO18626_DIR}. Put the shared folder beside the repository (../shared/iso18626) or set ISO18626_DIR to the folder holding the XSDs and samples/.`,
    );
  }
  return ISO18626_DIR;
}

export const SAMPLES_DIR = (): string => join(requireDir(), 'samples');

export interface SchemaCheck {
  readonly valid: boolean;
  /** xmllint's own words: "- validates" or the validity errors. */
  readonly report: string;
}

/** Validates an XML document against the version's XSD with `xmllint --noout --schema`. */
export function validateAgainstXsd(xml: string, version: IsoVersion): SchemaCheck {
  const schema = join(requireDir(), SCHEMA_FILES[version]);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (run.error)
    throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  return { valid: run.status === 0, report: `${run.stdout}${run.stderr}`.trim() };
}
