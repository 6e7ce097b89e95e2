import { join } from 'node:path'

// electron-vite bundles every module under electron/main into the single ESM file out/main/index.js,
// so at run time this folder is out/main (inside app.asar once packaged).
const mainOutDir = import.meta.dirname

/** The renderer build (electron-vite writes it to out/renderer). Served through app://chedang. */
export const rendererDir = join(mainOutDir, '../renderer')

/** The bundled, sandbox-compatible CommonJS preload (out/preload/index.cjs). */
export const preloadFile = join(mainOutDir, '../preload/index.cjs')
