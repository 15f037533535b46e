import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { findAndReadConfig } from 'app-builder-lib/out/util/config/load.js';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const UDEV_RULE = 'assets/linux/70-rs-desk-hid-pos.rules';

/** Read the way electron-builder reads it (same file lookup, same YAML loader). */
async function loadConfig(): Promise<{ config: Configuration; file: string | null }> {
  const read = await findAndReadConfig<Configuration>({
    packageKey: 'build',
    configFilename: 'electron-builder',
    projectDir: ROOT,
    packageMetadata: null,
  });
  if (!read) throw new Error('electron-builder.yml was not found in the project folder');
  return { config: read.result, file: read.configFile };
}

function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? (target as unknown[]) : [target];
  return list.map((entry) =>
    typeof entry === 'string' ? entry : (entry as { target: string }).target,
  );
}

describe('electron-builder.yml', () => {
  it('is the config electron-builder finds, and matches its schema', async () => {
    const { config, file } = await loadConfig();
    expect(file).toBe(join(ROOT, 'electron-builder.yml'));
    const schemaFile = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $schema: string };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    // The options electron-builder itself validates with (strict off: the schema has extra keywords).
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app and builds AppImage and deb, NSIS and dmg', async () => {
    const { config } = await loadConfig();
    expect(config.appId).toBe('org.rsdesk.desk');
    expect(config.productName).toBe('RS Desk');
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
  });

  it('packs the build, the migrations, the slip fonts and package.json, with native addons outside the asar', async () => {
    const { config } = await loadConfig();
    expect(config.files).toEqual(['out/**', 'db/migrations/**', 'assets/fonts/**', 'package.json']);
    expect(existsSync(join(ROOT, 'assets/fonts/DejaVuSans.ttf'))).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(existsSync(join(ROOT, 'db/migrations/meta/_journal.json'))).toBe(true);
  });

  it('installs the HID POS udev rule from the deb into udev’s packaged rules folder', async () => {
    const { config } = await loadConfig();
    const mappings = (config.deb?.fpm ?? []).map((arg) => arg.split('='));
    expect(mappings).toContainEqual([UDEV_RULE, '/usr/lib/udev/rules.d/70-rs-desk-hid-pos.rules']);
    for (const [source] of mappings)
      expect(existsSync(join(ROOT, source ?? '')), source).toBe(true);
    const resources = config.linux?.extraResources;
    expect(resources).toContainEqual({ from: UDEV_RULE, to: 'udev/70-rs-desk-hid-pos.rules' });
  });

  it('ships a udev rule that gives the seat user hidraw access without opening boot keyboards', () => {
    const rules = readFileSync(join(ROOT, UDEV_RULE), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.trimStart().startsWith('#'));
    expect(rules).toHaveLength(1);
    expect(rules[0]).toContain('SUBSYSTEM=="hidraw"');
    expect(rules[0]).toContain('ATTRS{bInterfaceProtocol}=="00"');
    expect(rules[0]).toContain('TAG+="uaccess"');
    expect(rules[0]).not.toMatch(/MODE="0?666"/);
  });
});
