import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { index: 'src/web/index.html', portal: 'src/web/portal.html' },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
