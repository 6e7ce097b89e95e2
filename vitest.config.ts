import { defineConfig } from 'vitest/config'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'tests/fixtures/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node'
        }
      },
      {
        extends: true,
        test: {
          name: 'main',
          include: ['electron/**/*.test.ts'],
          environment: 'node'
        }
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'component',
          include: ['renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/component-setup.ts'],
          testTimeout: 20000
        }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60000,
          hookTimeout: 60000,
          fileParallelism: false
        }
      }
    ]
  }
})
