// Builds the renderer (renderer/index.html → dist/renderer), served by Electron's app://
// protocol and by `ocpp-bench serve`. Relative asset paths work under both; nothing is
// inlined as data: URLs, so the strict CSP holds (fonts and scripts from 'self' only).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  publicDir: 'public',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: true,
    // Electron's Chromium and current browsers; no legacy transforms.
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2048,
  },
  logLevel: 'warn',
});
