import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The dev server forwards everything the gateway owns, so the app runs against a real gateway
// (login, session cookie, CSRF) exactly as it does when the gateway serves the built files.
const gateway = process.env.WAYMARK_GATEWAY ?? 'http://localhost:8080';
const toGateway = { target: gateway, changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': toGateway,
      '/oauth2': toGateway,
      '/login': toGateway,
      '/logout': toGateway,
      '/public': toGateway,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
