import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server): it keeps each message it accepted,
 * parsed with mailparser, and can be told to ask for a login, or to refuse recipients with a
 * temporary (4xx) or permanent (5xx) reply, the ways real mail servers answer.
 */
export interface LoopbackSmtp {
  readonly port: number;
  /** Every message accepted so far, in order. */
  readonly received: ReceivedMail[];
  /** Resolves once at least `count` messages arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Each RCPT TO is answered with this reply code and text (e.g. 451 or 550); null accepts. */
  refuseRecipients(reply: { code: number; text: string } | null): void;
  close(): Promise<void>;
}

export interface ReceivedMail {
  readonly parsed: ParsedMail;
  /** The envelope's recipients (RCPT TO). */
  readonly rcptTo: string[];
  /** Who logged in, if anyone. */
  readonly user: string | null;
}

export interface LoopbackSmtpOptions {
  /** Require this login (AUTH PLAIN / LOGIN over the plain connection). */
  readonly login?: { user: string; password: string };
}

export async function startLoopbackSmtp(options: LoopbackSmtpOptions = {}): Promise<LoopbackSmtp> {
  const received: ReceivedMail[] = [];
  let refusal: { code: number; text: string } | null = null;
  const serverOptions: SMTPServerOptions = {
    secure: false,
    disabledCommands: options.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const login = options.login;
      if (login && auth.username === login.user && auth.password === login.password) {
        callback(null, { user: auth.username });
        return;
      }
      const error = Object.assign(new Error('Authentication credentials invalid'), {
        responseCode: 535,
      });
      callback(error);
    },
    onRcptTo(_address, _session, callback) {
      if (!refusal) {
        callback();
        return;
      }
      callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            parsed,
            rcptTo: session.envelope.rcptTo.map((a) => a.address),
            user: typeof session.user === 'string' ? session.user : null,
          });
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `Expected ${count} messages, the SMTP server received ${received.length}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    refuseRecipients(reply) {
      refusal = reply;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: a server is started and closed again. */
export async function closedPort(): Promise<number> {
  const server = new SMTPServer({ disabledCommands: ['STARTTLS', 'AUTH'], logger: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
