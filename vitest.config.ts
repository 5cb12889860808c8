import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['src/{contract,domain,server,sw}/**/*.test.ts', 'scripts/**/*.test.ts', 'integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        define: { __APP_VERSION__: JSON.stringify('test') },
        test: {
          name: 'kiosk',
          include: ['src/kiosk/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src/kiosk/test-setup.ts'],
        },
      },
    ],
  },
});
