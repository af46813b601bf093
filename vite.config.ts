import { defineConfig } from 'vite';

/**
 * Cross-origin isolation, so the page may use SharedArrayBuffer for frames later and timers stay precise.
 * Both the dev server and `vite preview` send them; every resource of the app is same-origin.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  // The simulation worker is an ES module (it imports sim/ and comlink).
  worker: { format: 'es' },
  // Pre-bundle every dependency of the page and of the worker up front. The scanner does not follow the
  // worker, and a dependency found late makes Vite re-optimise and reload the page mid-session.
  optimizeDeps: {
    include: ['pixi.js', 'comlink', 'zustand/vanilla', 'zod', 'seedrandom/lib/alea.js', 'd3'],
  },
});
