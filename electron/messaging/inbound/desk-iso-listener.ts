import { getSetting } from '../../../db/repositories/settings-repository.ts';
import type { DeskContext } from '../../services/desk-context.ts';
import { startIsoListener, type IsoListener } from './iso-listener.ts';
import { receiveIsoMessage, refuseEnvelope, type InboundOptions } from './receive-iso-message.ts';

/**
 * The desk's ISO 18626 listener at run time: on when Settings turn it on (or `--iso-port` does for
 * one run), on the address and port they name, and moved when they change. openDesk starts it and
 * closes it with the desk.
 */

export interface DeskIsoListener {
  /** Where partners send messages (http://127.0.0.1:N/iso18626), or null while it is off. */
  url(): string | null;
  /** Resolves once the listener matches the settings (after a change is being applied). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface DeskIsoListenerOptions {
  readonly ctx: DeskContext;
  /** `rs-desk serve --iso-port N`: listen on N for this run, whatever Settings say. */
  readonly runPort?: number | undefined;
  /** The server log. */
  readonly log: (line: string) => void;
}

interface ListenerConfig {
  readonly host: string;
  readonly port: number;
  readonly maxBodyBytes: number;
}

const sameConfig = (a: ListenerConfig | null, b: ListenerConfig | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.host === b.host &&
    a.port === b.port &&
    a.maxBodyBytes === b.maxBodyBytes);

/**
 * Starts the listener if it is enabled. With `runPort` a listener that cannot start (the port is
 * taken) stops the desk from opening, as asked on the command line; from Settings it is logged and
 * the desk opens without it.
 */
export async function startDeskIsoListener(
  options: DeskIsoListenerOptions,
): Promise<DeskIsoListener> {
  const { ctx, log } = options;
  let running: { config: ListenerConfig; listener: IsoListener } | null = null;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  async function wanted(): Promise<ListenerConfig | null> {
    const settings = await ctx.gate.read((db) => getSetting(db, 'iso18626'));
    if (options.runPort === undefined && !settings.listenerEnabled) return null;
    return {
      host: settings.listenHost,
      port: options.runPort ?? settings.port,
      maxBodyBytes: settings.maxBodyBytes,
    };
  }

  async function listen(config: ListenerConfig): Promise<IsoListener> {
    const inbound: InboundOptions = { ctx, maxBodyBytes: config.maxBodyBytes, log };
    return startIsoListener({
      ...config,
      receive: (body, sender) => receiveIsoMessage(inbound, body, sender),
      refuse: (problem, head, sender) => refuseEnvelope(inbound, problem, head, sender),
    });
  }

  /** Brings the listener in line with the settings; `strict` lets a failure to listen through. */
  async function reconcile(strict: boolean): Promise<void> {
    const config = closed ? null : await wanted();
    if (sameConfig(config, running?.config ?? null)) return;
    if (running) {
      await running.listener.close();
      running = null;
    }
    if (config === null) return;
    try {
      running = { config, listener: await listen(config) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const message = `The ISO 18626 listener could not listen on ${config.host}:${config.port} (${why}); choose another port.`;
      if (strict) throw new Error(message, { cause: error });
      log(message);
    }
  }

  const queue = (strict: boolean) => {
    const next = chain.then(() => reconcile(strict));
    chain = next.catch(() => undefined);
    return next;
  };

  const unsubscribe = ctx.events.on('settings.changed', ({ key }) => {
    if (key === 'iso18626') void queue(false);
  });
  try {
    await queue(options.runPort !== undefined);
  } catch (error) {
    unsubscribe();
    throw error;
  }

  return {
    url: () => running?.listener.url ?? null,
    settled: () => chain,
    close: async () => {
      closed = true;
      unsubscribe();
      await queue(false);
    },
  };
}
