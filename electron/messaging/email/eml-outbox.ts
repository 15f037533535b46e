import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Letters written as .eml files (RFC 822, what a mail program opens or a mail relay picks up)
 * when no SMTP server is set: `<dataDir>/outbox-mail/`. Each file is written under a hidden
 * temporary name and renamed into place, so whoever watches the folder never sees half a letter;
 * a letter sent again (after a crash before it was marked sent) replaces its own file.
 */

export const MAIL_FOLDER = 'outbox-mail';

export function mailFolder(dataDir: string): string {
  return join(dataDir, MAIL_FOLDER);
}

/** `message-42-lender-ship.eml`: the outbox message id, then the letter. */
export function emlFileName(messageId: number, letter: string): string {
  const slug = letter
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `message-${messageId}-${slug || 'letter'}.eml`;
}

export class EmlWriteError extends Error {
  readonly retry: boolean;
  constructor(message: string, retry: boolean, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EmlWriteError';
    this.retry = retry;
  }
}

/** Writes the message into the folder under `fileName`; answers the file's path. */
export async function writeEml(
  folder: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<string> {
  const path = join(folder, fileName);
  const temp = join(folder, `.${fileName}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(folder, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      // On disk before it has its name: a power cut must not leave an empty letter behind.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    return path;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw writeError(folder, error);
  }
}

function writeError(folder: string, error: unknown): EmlWriteError {
  const code = (error as { code?: unknown }).code;
  const options = { cause: error };
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new EmlWriteError(
        `RS Desk may not write letters into ${folder} (${code}): let the desk write there, or set an SMTP server in Settings → Letters and email.`,
        false,
        options,
      );
    case 'ENOTDIR':
    case 'EEXIST':
      return new EmlWriteError(
        `${folder} is not a folder, so letters cannot be written there; move that file away.`,
        false,
        options,
      );
    default:
      return new EmlWriteError(
        `Could not write the letter into ${folder}: ${error instanceof Error ? error.message : String(error)}`,
        true,
        options,
      );
  }
}
