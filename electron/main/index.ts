// Main-process entry (bundled to out/main/index.js). Everything happens in boot.ts.
import { startApp } from './boot'

startApp()
