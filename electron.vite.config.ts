import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The dev server injects inline <style> and the React Refresh preamble, which the renderer's CSP
 * meta tag forbids; relax it while serving only. Built and packaged renderers keep the strict one.
 */
const devServerCsp: Plugin = {
  name: 'rs-desk-dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

/**
 * One build for the three parts: the Electron main process and preload (Node targets), and the
 * renderer (a browser bundle that browser mode serves too). Building needs no Electron binary.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // package.json "dependencies" stay external (electron-vite's default): the native modules
      // better-sqlite3 and node-hid must load from node_modules (app.asar.unpacked when packaged).
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/shell/main.ts'),
          // The daily backup's thread, loaded by file name beside index.js (copy-in-worker.ts).
          'backup-worker': resolve(import.meta.dirname, 'electron/backup/backup-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages or be an ES module: bundle everything it
      // uses (the contract, zod) into one CommonJS file. `.cjs` because package.json says "module".
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/shell/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react(), devServerCsp],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
