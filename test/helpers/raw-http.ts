import { request } from 'node:http';
import type { DeskServer } from '../../electron/server/http-server.ts';

/*
 * Raw HTTP to browser mode's server, for the tests of its gatekeeping: the caller sets every header
 * (token, Host, Origin), which fetch and the renderer's client (desk-windows.ts) would not let it.
 */

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ExchangeInit {
  /** GET unless given. */
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * One exchange with the desk's server on 127.0.0.1. An event stream that is accepted stays open:
 * the reply ends at its first bytes.
 */
export function exchange(
  server: DeskServer,
  path: string,
  init: ExchangeInit = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: init.method ?? 'GET',
        headers: init.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        res.on('data', (chunk: string) => {
          body += chunk;
          if (res.headers['content-type']?.startsWith('text/event-stream')) {
            req.destroy();
            done();
          }
        });
        res.on('end', done);
      },
    );
    // Once the reply has resolved, an error from closing the stream changes nothing.
    req.on('error', reject);
    req.end(init.body);
  });
}
