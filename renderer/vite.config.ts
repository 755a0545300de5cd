// Vite build of the annotator window. Electron loads it from file://, hence relative asset paths.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The CSP has script-src 'self': never inline scripts or the module-preload polyfill.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome130',
    // One bundle for a desktop app loaded from disk; splitting would not make it start faster.
    chunkSizeWarningLimit: 1500,
  },
});
