import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A careless mail server on loopback: it refuses every login with a 535 reply that repeats what
 * the desk sent — the user, the password, and the AUTH PLAIN string as it came over the wire —
 * as some servers and proxies do in their error text. The desk must not pass that reply on as it
 * is: it is stored as the message's failure reason and shown to staff.
 */
export interface LoginEchoingSmtp {
  readonly port: number;
  /** The replies it sent, for the test to see that they did carry the password. */
  readonly replies: string[];
  close(): Promise<void>;
}

export async function startLoginEchoingSmtp(): Promise<LoginEchoingSmtp> {
  const replies: string[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const plain = Buffer.from(`\0${auth.username ?? ''}\0${auth.password ?? ''}`).toString(
        'base64',
      );
      const text = `Authentication failed for ${auth.username ?? ''} with password ${auth.password ?? ''} (AUTH PLAIN ${plain})`;
      replies.push(text);
      callback(Object.assign(new Error(text), { responseCode: 535 }));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    replies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
