import type { Result } from './result.ts';

/**
 * The one object the Electron preload exposes on `window.rsDesk` through contextBridge. It is
 * deliberately tiny: methods and events are allow-listed from the contract in the preload, and
 * everything is validated again in the main process.
 */
export interface RsDeskBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
