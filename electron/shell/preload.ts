import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge-policy.ts';

// The page gets `window.rsDesk` (shared/api/bridge.ts) and nothing else: never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'rsDesk',
  createBridge({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    on: (channel, listener) => {
      ipcRenderer.on(channel, listener);
    },
    removeListener: (channel, listener) => {
      ipcRenderer.removeListener(channel, listener);
    },
  }),
);
