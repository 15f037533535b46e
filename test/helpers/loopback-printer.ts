import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A raw ESC/POS network printer on 127.0.0.1 for tests: a real TCP listener that keeps what each
 * connection sent, and can misbehave the ways real printers do (switched off, stalled, dropped).
 */
export interface LoopbackPrinter {
  readonly port: number;
  /** `tcp://127.0.0.1:PORT`, stable across refuse() and accept(). */
  readonly uri: string;
  /** The jobs received so far, one per connection the sender ended, in the order they ended. */
  jobs(): Uint8Array[];
  /**
   * The jobs cut off partway (stalled or dropped), each with the bytes the printer read before it
   * stopped: what a jammed or switched-off printer left on paper. Never counted in `jobs()`.
   */
  cutOff(): Uint8Array[];
  /** Resolves with the jobs once there are at least `count`; rejects after `timeoutMs`. */
  waitForJobs(count: number, timeoutMs?: number): Promise<Uint8Array[]>;
  /** Switched off: closes the listener so connections are refused. Open connections carry on. */
  refuse(): Promise<void>;
  /** Switched back on: listens again on the same port. */
  accept(): Promise<void>;
  /**
   * New connections stop being read once at least `bytes` arrived, as a jammed printer does: the
   * printer keeps the first `bytes`, the rest waits unread, and the connection stays open.
   */
  stallAfter(bytes: number): void;
  /**
   * New connections are reset (RST) once at least `bytes` arrived, as a printer switched off or
   * restarted mid-job: it kept the first `bytes`, and its network stack answers nothing more.
   */
  dropAfter(bytes: number): void;
  /** New connections are read to the end again. */
  behaveNormally(): void;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

export interface LoopbackPrinterOptions {
  /** Port to listen on; default 0, any free port. */
  readonly port?: number;
}

type Behaviour =
  { readonly kind: 'normal' } | { readonly kind: 'stall' | 'drop'; readonly afterBytes: number };

interface JobWaiter {
  check(): void;
  cancel(error: Error): void;
}

export async function startLoopbackPrinter(
  options: LoopbackPrinterOptions = {},
): Promise<LoopbackPrinter> {
  const completed: Uint8Array[] = [];
  const cut: Uint8Array[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<JobWaiter>();
  let behaviour: Behaviour = { kind: 'normal' };

  const onConnection = (socket: Socket): void => {
    sockets.add(socket);
    // Fixed at connect time, so changing behaviour mid-test does not rewrite a job in flight.
    const rule = behaviour;
    const chunks: Buffer[] = [];
    let received = 0;
    // A sender that gives up resets the connection; that is what these tests provoke.
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    let stopped = false;
    socket.on('data', (chunk: Buffer) => {
      if (stopped) return;
      chunks.push(chunk);
      received += chunk.byteLength;
      if (rule.kind === 'normal' || received < rule.afterBytes) return;
      stopped = true;
      // One chunk may carry the whole job; the printer read only the first afterBytes of it.
      cut.push(new Uint8Array(Buffer.concat(chunks).subarray(0, rule.afterBytes)));
      if (rule.kind === 'drop') socket.resetAndDestroy();
      else socket.pause();
    });
    socket.on('end', () => {
      if (stopped) return; // a cut-off job never counts as printed
      completed.push(new Uint8Array(Buffer.concat(chunks)));
      for (const waiter of waiters) waiter.check();
      socket.end();
    });
  };

  const listen = (port: number): Promise<Server> =>
    new Promise((resolve, reject) => {
      // Half-open allowed: the printer, not Node, decides when to close its side. A jammed one
      // never does, as a real printer that stopped reading never does.
      const server = createServer({ allowHalfOpen: true }, onConnection);
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port }, () => {
        server.off('error', reject);
        resolve(server);
      });
    });

  let server: Server | null = await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;

  const stopListening = async (): Promise<void> => {
    if (server === null) return;
    const closing = server;
    server = null;
    // close() frees the port at once; its callback would wait for open connections to end.
    closing.close();
    await new Promise((resolve) => setImmediate(resolve));
  };

  return {
    port,
    uri: `tcp://127.0.0.1:${port}`,
    jobs: () => completed.slice(),
    cutOff: () => cut.slice(),
    waitForJobs: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const finish = (): void => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        const waiter: JobWaiter = {
          check: () => {
            if (completed.length < count) return;
            finish();
            resolve(completed.slice());
          },
          cancel: (error) => {
            finish();
            reject(error);
          },
        };
        const timer = setTimeout(
          () =>
            waiter.cancel(
              new Error(
                `The loopback printer got ${completed.length} of ${count} jobs in ${timeoutMs} ms`,
              ),
            ),
          timeoutMs,
        );
        waiters.add(waiter);
        waiter.check();
      }),
    refuse: stopListening,
    accept: async () => {
      server ??= await listen(port);
    },
    stallAfter: (bytes) => {
      behaviour = { kind: 'stall', afterBytes: bytes };
    },
    dropAfter: (bytes) => {
      behaviour = { kind: 'drop', afterBytes: bytes };
    },
    behaveNormally: () => {
      behaviour = { kind: 'normal' };
    },
    close: async () => {
      await stopListening();
      for (const socket of sockets) socket.destroy();
      for (const waiter of waiters) waiter.cancel(new Error('The loopback printer was closed'));
    },
  };
}
