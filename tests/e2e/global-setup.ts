import { resolve } from 'node:path'
import { build, preview } from 'vite'
import type { TestProject } from 'vitest/node'

const root = resolve(import.meta.dirname, '../..')

// Builds the browser renderer once and serves it on a loopback port for the whole e2e run.
export default async function setup(project: TestProject) {
  const configFile = resolve(root, 'vite.web.config.ts')
  await build({ configFile, logLevel: 'warn' })
  const server = await preview({
    configFile,
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn'
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`)
  return async () => {
    await server.close()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
