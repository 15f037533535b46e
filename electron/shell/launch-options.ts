import { fileURLToPath } from 'node:url';

/** Where the built app's parts are, found from the main bundle's own location (out/main/index.js). */
export interface AppPaths {
  /** The sandboxed preload, built as CommonJS (sandboxed preloads cannot be ES modules). */
  readonly preload: string;
  /** The built renderer folder; only pages inside it count as the app. */
  readonly rendererDir: string;
  readonly rendererIndex: string;
  /** The committed drizzle migrations, shipped beside out/ (inside app.asar when packaged). */
  readonly migrationsFolder: string;
}

/**
 * Resolved against the bundle rather than app.getAppPath(): the two agree in the packaged app
 * (<app>/out/main/index.js), and this also holds when Electron is started on the bundle file
 * itself (as Playwright's smoke test does), where app.getAppPath() would be out/main.
 */
export function appPaths(mainBundleUrl: string): AppPaths {
  const at = (relative: string) => fileURLToPath(new URL(relative, mainBundleUrl));
  return {
    preload: at('../preload/index.cjs'),
    rendererDir: at('../renderer'),
    rendererIndex: at('../renderer/index.html'),
    migrationsFolder: at('../../db/migrations'),
  };
}

export interface LaunchOptions {
  readonly dataDir: string;
  readonly printer: string | null;
}

/** The value of `--name=value` or `--name value`; the last one given wins, as with most CLIs. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, index) => {
    if (arg.startsWith(`--${name}=`)) found = arg.slice(name.length + 3);
    else if (arg === `--${name}`) {
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith('--')) found = next;
    }
  });
  return found || undefined;
}

/**
 * The desk's data directory and printer for this run, with the CLI's precedence (DESIGN.md §3):
 * `--data-dir` beats RS_DESK_DATA_DIR beats the user data folder. `rs-desk` passes its own
 * arguments through when it starts Electron, so both spellings of the option are accepted, and
 * Chromium's and Playwright's switches are ignored.
 */
export function launchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): LaunchOptions {
  return {
    dataDir: optionValue(argv, 'data-dir') ?? (env.RS_DESK_DATA_DIR || undefined) ?? userDataDir,
    printer: optionValue(argv, 'printer') ?? null,
  };
}
