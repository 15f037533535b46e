import type { HttpCall, HttpReply } from './desk-steps.ts';

/**
 * The HTTP side of part b, run as a child process by desk-steps.ts `httpCaller`: it calls browser
 * mode's API as the desk's page does, from a process of its own, so that the client's work is not
 * counted as the server's (in browser mode the client is Chromium). One call at a time, each
 * answered with the result's ok and message.
 */

const { origin, searchParams } = new URL(process.argv[2] ?? '');
const headers = {
  'Content-Type': 'application/json',
  'X-RS-Desk-Token': searchParams.get('token') ?? '',
  'X-RS-Desk-Session': 'bench-window-1',
};

process.on('message', (message) => {
  const { id, method, input } = message as HttpCall;
  void (async (): Promise<HttpReply> => {
    try {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; error?: { message: string } };
      return { id, ok: result.ok, message: result.error?.message ?? null };
    } catch (error) {
      return { id, ok: false, message: String(error) };
    }
  })().then((reply) => process.send?.(reply));
});
process.on('disconnect', () => process.exit(0));
