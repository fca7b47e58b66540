import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The runtime serves `dist/` at `/` and the API under `/api`; in development the
// API calls are proxied to a runtime on PARLEY_API (default 127.0.0.1:3000).
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': process.env.PARLEY_API ?? 'http://127.0.0.1:3000' } },
});
