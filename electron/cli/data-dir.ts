import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'RS Desk';

/**
 * The data directory when none is given: RS_DESK_DATA_DIR, else the platform's user data folder
 * for the app — the same folder Electron's app.getPath('userData') gives, so browser mode and the
 * Electron app share one desk.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.RS_DESK_DATA_DIR) return env.RS_DESK_DATA_DIR;
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
