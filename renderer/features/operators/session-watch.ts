import type { DeskClient } from '../../../shared/api/client.ts';
import { accessOf } from '../../../shared/api/contract.ts';

/**
 * The client every slice uses, watched for the desk's "sign in first" refusal: a method that needs
 * an operator answering UNAUTHORIZED means this window is nobody now (a manager deactivated its
 * operator, or the first manager was added elsewhere and setup mode ended), so the window goes back
 * to the sign-in screen whatever screen made the call. Open methods are not watched: their
 * UNAUTHORIZED (a wrong PIN, a stale desk link) is answered where they are called.
 */
export function watchSignedOut(
  client: DeskClient,
  signedOut: (message: string) => void,
): DeskClient {
  return {
    async call(method, input) {
      const result = await client.call(method, input);
      if (!result.ok && result.error.code === 'UNAUTHORIZED' && accessOf(method) !== 'open') {
        signedOut(result.error.message);
      }
      return result;
    },
    on: (event, listener) => client.on(event, listener),
  };
}
