// The post office app's build: React with Vite, from web/ to dist/ (the launcher picks the directory).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist', 'web'),
    emptyOutDir: true,
    // Counters run current Chromium, Edge and Firefox; phones run recent Chrome and Safari.
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    // `npx vite --config services/post-office-app/vite.config.mts` during development: the API goes to a running stack.
    proxy: { '/api': process.env.POST_OFFICE_APP_URL ?? 'http://127.0.0.1:3008' },
  },
});
