import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrintError, type PrinterTransport } from '../../../electron/printing/printer-transport.ts';
import {
  createTransport,
  type TransportDeps,
} from '../../../electron/printing/transports/create-transport.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../../helpers/loopback-printer.ts';

const MB = 1024 * 1024;

function transportFor(uri: string, deps: TransportDeps = {}): PrinterTransport {
  const created = createTransport(uri, deps);
  if (!created.ok) throw new Error(created.message);
  return created.transport;
}

function escpos(bytes: Uint8Array, name = 'receive-slip-B-1001') {
  return { format: 'escpos', bytes, name } as const;
}

/** The PrintError a send rejected with; fails the test if it resolved or threw something else. */
async function printError(sending: Promise<void>): Promise<PrintError> {
  const error: unknown = await sending.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PrintError);
  return error as PrintError;
}

function sameBytes(actual: Uint8Array | undefined, expected: Uint8Array): boolean {
  return actual !== undefined && Buffer.from(actual).equals(expected);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rs-desk-transports-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('tcp:// to a raw network printer', () => {
  let printer: LoopbackPrinter;
  beforeEach(async () => {
    printer = await startLoopbackPrinter();
  });
  afterEach(async () => {
    await printer.close();
  });

  it('hands over every byte of a job far larger than the socket buffers', async () => {
    const job = randomBytes(4 * MB);
    await transportFor(printer.uri).send(escpos(job));
    const [received] = await printer.waitForJobs(1);
    expect(received?.byteLength).toBe(job.byteLength);
    expect(sameBytes(received, job)).toBe(true);
  });

  it('sends each job on its own connection, in order', async () => {
    const transport = transportFor(printer.uri);
    await transport.send(escpos(Buffer.from('first\n')));
    await transport.send(escpos(Buffer.from('second\n')));
    const jobs = await printer.waitForJobs(2);
    expect(jobs.map((job) => Buffer.from(job).toString())).toEqual(['first\n', 'second\n']);
  });

  it('says a switched-off printer refused the connection, naming it, and that a retry may work', async () => {
    await printer.refuse();
    const error = await printError(transportFor(printer.uri).send(escpos(Buffer.from('x'))));
    expect(error.message).toBe(
      `Printer at 127.0.0.1:${printer.port} refused the connection: is it switched on and online?`,
    );
    expect(error.retryable).toBe(true);
  });

  it('gives up on a printer that stops taking data, saying how far the job got', async () => {
    printer.stallAfter(64 * 1024);
    const transport = transportFor(printer.uri, { tcp: { writeTimeoutMs: 300 } });
    const job = randomBytes(16 * MB);
    const error = await printError(transport.send(escpos(job)));
    expect(error.message).toMatch(
      new RegExp(
        `^Printer at 127\\.0\\.0\\.1:${printer.port} stopped taking data after \\d+ of ` +
          `${job.byteLength} bytes \\(nothing for 300 ms\\)`,
      ),
    );
    expect(error.retryable).toBe(true);
  });

  it('reports a printer that drops the connection mid-job as retryable', async () => {
    printer.dropAfter(64 * 1024);
    const job = randomBytes(16 * MB);
    const error = await printError(transportFor(printer.uri).send(escpos(job)));
    expect(error.message).toMatch(
      new RegExp(
        `^Printer at 127\\.0\\.0\\.1:${printer.port} dropped the connection after \\d+ of ${job.byteLength} bytes`,
      ),
    );
    expect(error.retryable).toBe(true);
    expect(printer.jobs()).toEqual([]);
  });

  it('prints once a printer that was off is switched back on', async () => {
    const transport = transportFor(printer.uri);
    const job = Buffer.from('\x1b@Hold for Zoë Ångström\n\x1dV\x00', 'latin1');
    await printer.refuse();
    expect((await printError(transport.send(escpos(job)))).retryable).toBe(true);
    await printer.accept();
    await transport.send(escpos(job));
    const [received] = await printer.waitForJobs(1);
    expect(sameBytes(received, job)).toBe(true);
  });
});

describe('device:// to a printer device file', () => {
  it('writes the job to a device that is there, after what was printed before', async () => {
    // A regular file stands in for /dev/usb/lp0: no printer is plugged into this machine.
    const device = join(dir, 'lp0');
    writeFileSync(device, 'earlier job|');
    await transportFor(`device://${device}`).send(escpos(Buffer.from('new job')));
    expect(readFileSync(device, 'utf8')).toBe('earlier job|new job');
  });

  it('says an absent device may be unplugged, retryably, and creates no file in its place', async () => {
    const device = join(dir, 'usb', 'lp0');
    const error = await printError(
      transportFor(`device://${device}`).send(escpos(Buffer.from('x'))),
    );
    expect(error.message).toBe(
      `Printer device ${device} is not there: is it plugged in and switched on?`,
    );
    expect(error.retryable).toBe(true);
    expect(existsSync(device)).toBe(false);
  });

  it('refuses a folder for good', async () => {
    const error = await printError(transportFor(`device://${dir}`).send(escpos(Buffer.from('x'))));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/is a folder, not a printer device/);
  });

  it.skipIf(process.platform === 'win32')(
    'gives up on a device that stops taking data, saying how far the job got',
    async () => {
      // A named pipe nobody reads stands in for a jammed printer: it fills up and then blocks.
      const fifo = join(dir, 'lp0');
      execFileSync('mkfifo', [fifo]);
      const reader = await open(fifo, 'r+');
      try {
        const transport = transportFor(`device://${fifo}`, { device: { writeTimeoutMs: 200 } });
        const job = randomBytes(MB);
        const error = await printError(transport.send(escpos(job)));
        expect(error.message).toMatch(
          new RegExp(
            `stopped taking data after \\d+ of ${job.byteLength} bytes \\(nothing for 200 ms\\)`,
          ),
        );
        expect(error.retryable).toBe(true);
      } finally {
        await reader.close();
      }
    },
  );
});

describe('cups:// through lp', () => {
  // No CUPS daemon can run in a test, so a stub stands in for lp: it records its arguments and
  // what arrived on stdin, which is all RS Desk hands to the real one.
  function stubLp(script: string): string {
    const path = join(dir, 'lp');
    writeFileSync(path, `#!/bin/sh\n${script}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('hands lp the exact bytes as a raw job for the queue, titled with the job name', async () => {
    const command = stubLp(`printf '%s\\n' "$@" > "${dir}/args"\ncat > "${dir}/job"`);
    const job = randomBytes(MB);
    await transportFor('cups://Front_Desk', { cups: { command } }).send(escpos(job));
    expect(readFileSync(join(dir, 'args'), 'utf8').split('\n')).toEqual([
      '-d',
      'Front_Desk',
      '-o',
      'raw',
      '-t',
      'receive-slip-B-1001',
      '',
    ]);
    expect(sameBytes(readFileSync(join(dir, 'job')), job)).toBe(true);
  });

  it("passes on lp's complaint when it fails, retryably", async () => {
    const command = stubLp(
      `cat > /dev/null\necho 'lp: Error - Scheduler not responding.' >&2\nexit 1`,
    );
    const error = await printError(
      transportFor('cups://Front_Desk', { cups: { command } }).send(escpos(Buffer.from('x'))),
    );
    expect(error.message).toBe(
      'CUPS did not take the job for queue Front_Desk: lp: Error - Scheduler not responding. ' +
        '(lp exited with status 1)',
    );
    expect(error.retryable).toBe(true);
  });

  it('does not retry a queue CUPS does not know', async () => {
    const command = stubLp(`echo 'lp: The printer or class does not exist.' >&2\nexit 1`);
    const error = await printError(
      transportFor('cups://Nowhere', { cups: { command } }).send(escpos(randomBytes(MB))),
    );
    expect(error.message).toMatch(/The printer or class does not exist.*lpstat -e/);
    expect(error.retryable).toBe(false);
  });

  it('says to install CUPS when there is no lp command, and not to retry', async () => {
    const command = join(dir, 'no-such-lp');
    const error = await printError(
      transportFor('cups://Front_Desk', { cups: { command } }).send(escpos(Buffer.from('x'))),
    );
    expect(error.message).toBe(
      `The lp command (${command}) was not found: install CUPS (cups-client) to print to cups://Front_Desk.`,
    );
    expect(error.retryable).toBe(false);
  });
});

describe('pdf:// into a folder', () => {
  const pdf = (bytes: Uint8Array, name: string) => ({ format: 'pdf', bytes, name }) as const;

  it('saves each slip as its own file, creating the folder, with no temporary files left', async () => {
    const folder = join(dir, 'slips', 'front desk');
    const transport = transportFor(`pdf://${folder}`, {
      pdf: { now: () => new Date(2025, 2, 1, 9, 30, 5) },
    });
    const first = randomBytes(50_000);
    const second = randomBytes(50_000);
    const third = randomBytes(10);
    await Promise.all([
      transport.send(pdf(first, 'receive-slip-B-1001')),
      transport.send(pdf(second, 'receive-slip-B-1001')),
    ]);
    await transport.send(pdf(third, '../../Zoë Ångström/slip'));

    const files = readdirSync(folder).sort();
    expect(files).toEqual([
      '20250301-093005-Zoë-Ångström-slip.pdf',
      '20250301-093005-receive-slip-B-1001-2.pdf',
      '20250301-093005-receive-slip-B-1001.pdf',
    ]);
    const saved = files.slice(1).map((file) => readFileSync(join(folder, file)));
    expect(saved.filter((bytes) => bytes.equals(first))).toHaveLength(1);
    expect(saved.filter((bytes) => bytes.equals(second))).toHaveLength(1);
    expect(sameBytes(readFileSync(join(folder, files[0] ?? '')), third)).toBe(true);
  });

  it('refuses ESC/POS bytes, which are no PDF, for good', async () => {
    const error = await printError(transportFor(`pdf://${dir}`).send(escpos(Buffer.from('x'))));
    expect(error.retryable).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('system:// through the operating system', () => {
  const data = { format: 'pos-printer', bytes: Buffer.from('[]'), name: 'test-page' } as const;

  it('explains, for good, that browser mode has no system printers', async () => {
    const error = await printError(transportFor('system://Front%20Desk').send(data));
    expect(error.message).toBe(
      'system:// printers work only in the desktop app; in browser mode use tcp://, device://, cups:// or pdf://',
    );
    expect(error.retryable).toBe(false);
  });

  it("hands the decoded printer name and the data to the desktop app's printer", async () => {
    // Stands in for the Electron shell's electron-pos-printer adapter, which needs Electron.
    const printed: [string, string][] = [];
    const systemPrinter = {
      print: async (name: string, bytes: Uint8Array) => {
        printed.push([name, Buffer.from(bytes).toString()]);
      },
    };
    await transportFor('system://Front%20Desk', { systemPrinter }).send(data);
    expect(printed).toEqual([['Front Desk', '[]']]);
  });
});

describe('createTransport', () => {
  it('passes on why a printer URI cannot be used', () => {
    expect(createTransport('tcp://printer:')).toEqual({
      ok: false,
      message:
        "Printer URI 'tcp://printer:' has no port number after ':'. Example: tcp://10.0.0.5:9100",
    });
  });

  it.each([
    ['tcp://10.0.0.5', 'tcp://10.0.0.5:9100', 'escpos'],
    ['device:///dev/usb/lp0', 'device:///dev/usb/lp0', 'escpos'],
    ['cups://Front_Desk', 'cups://Front_Desk', 'escpos'],
    ['pdf:///home/desk/slips/', 'pdf:///home/desk/slips', 'pdf'],
    ['system://Front Desk', 'system://Front%20Desk', 'pos-printer'],
  ])('makes a transport for %s sending to %s in %s', (text, uri, format) => {
    expect(transportFor(text)).toMatchObject({ uri, format });
  });
});
