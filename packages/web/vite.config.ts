import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dev server proxies the API to a running local runtime so `vite` alone is enough to work on the UI.
const apiTarget = process.env.FAZHI_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // No @preact/preset-vite: it pulls in Babel; oxc's automatic runtime is all Preact needs.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/v1': apiTarget,
      '/_local': apiTarget,
    },
  },
});
