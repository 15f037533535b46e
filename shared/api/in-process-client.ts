import type { DeskClient } from './client.ts';
import type { EventName } from './contract.ts';
import { dispatch, type DispatchOptions, type Handlers, type Session } from './dispatch.ts';
import type { Result } from './result.ts';

type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** The API without a transport: the same validation and envelope, for tests and the CLI. */
export function createInProcessClient(
  handlers: Handlers,
  subscribe: Subscribe,
  session: Session = { id: 'in-process', transport: 'in-process', operatorId: null },
  options: DispatchOptions = {},
): DeskClient {
  return {
    call: (method, input) =>
      dispatch(handlers, method, input, session, options) as Promise<Result<never>>,
    on: (event, listener) => subscribe(event, listener as (payload: unknown) => void),
  };
}
