import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPrinterUri, type PdfPrinterUri } from '../../../shared/printing/printer-uri.ts';
import { PrintError, type PrinterTransport, type PrintPayload } from '../printer-transport.ts';
import { checkPayloadFormat, errorCode } from './transport-errors.ts';

export interface PdfTransportOptions {
  /** The clock that stamps file names; tests fix it. */
  readonly now?: () => Date;
}

const MAX_SAME_NAME = 1_000;
const NAME_MAX_CHARS = 80;

/** Each slip as a PDF file in DIR (`pdf:///DIR`), named `YYYYMMDD-HHMMSS-NAME.pdf`. */
export function createPdfTransport(
  printer: PdfPrinterUri,
  options: PdfTransportOptions = {},
): PrinterTransport {
  const now = options.now ?? (() => new Date());
  const transport: PrinterTransport = {
    uri: formatPrinterUri(printer),
    format: 'pdf',
    send: async (payload: PrintPayload) => {
      checkPayloadFormat(transport, payload);
      await savePdf(printer.dir, `${timestamp(now())}-${safeName(payload.name)}`, payload.bytes);
    },
  };
  return transport;
}

/**
 * Written to a hidden temporary file first and then given its name in one step, so a folder
 * watcher that prints or mails new PDFs never sees half a file.
 */
async function savePdf(dir: string, stem: string, bytes: Uint8Array): Promise<string> {
  const temp = join(dir, `.${stem}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      // On disk before it has a name: a power cut must not leave an empty slip behind.
      await handle.sync();
    } finally {
      await handle.close();
    }
    return await claimName(dir, stem, temp);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof PrintError) throw error;
    throw saveError(dir, error);
  }
}

/**
 * Links the temporary file under the first free name (`stem.pdf`, `stem-2.pdf` …). link() fails
 * rather than replacing an existing file, so two desks saving into one shared folder in the same
 * second cannot overwrite each other, as rename() would.
 */
async function claimName(dir: string, stem: string, temp: string): Promise<string> {
  for (let n = 1; n <= MAX_SAME_NAME; n += 1) {
    const path = join(dir, n === 1 ? `${stem}.pdf` : `${stem}-${n}.pdf`);
    try {
      await link(temp, path);
      // The slip is saved; a leftover hidden temp file beats failing the job and printing twice.
      await unlink(temp).catch(() => undefined);
      return path;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
        throw error;
      }
      // Some file systems (FAT on a USB stick, some network shares) have no hard links; there
      // a check then rename leaves a sliver of a race, which only another desk could hit.
      if (await exists(path)) continue;
      await rename(temp, path);
      return path;
    }
  }
  throw new PrintError(
    `Could not find a free file name for ${stem}.pdf in ${dir}: ${MAX_SAME_NAME} are taken.`,
    true,
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Local time, as staff read it in a file browser. */
function timestamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-` +
    `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`
  );
}

/** The job name as one safe file-name part: no folders, no leading dot, nothing odd. */
function safeName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, NAME_MAX_CHARS);
  return safe === '' ? 'slip' : safe;
}

function saveError(dir: string, error: unknown): PrintError {
  const code = errorCode(error);
  const options = { cause: error };
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new PrintError(
        `RS Desk may not save PDF slips in ${dir} (${code}): choose another folder in ` +
          'Settings → Printers, or let the desk write there.',
        false,
        options,
      );
    case 'ENOTDIR':
    case 'EEXIST':
      return new PrintError(
        `${dir} is not a folder, so PDF slips cannot be saved there.`,
        false,
        options,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new PrintError(`There is no space left to save PDF slips in ${dir}.`, true, options);
    default:
      return new PrintError(
        `Could not save the PDF slip in ${dir}: ${error instanceof Error ? error.message : String(error)}`,
        true,
        options,
      );
  }
}
