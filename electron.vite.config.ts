import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {
    build: {
      // got is ESM-only: bundle it (it is a devDependency, so electron-vite bundles it anyway)
      externalizeDeps: { exclude: ['got'] },
      // cli: the command line (main/cli), a plain Node program that never loads Electron.
      // image-host: the image process's entry, image-worker: its worker threads' entry
      // (main/images/image-process.ts and image-pool.ts find them next to the bundle).
      // people-cache-worker: the thread that encodes and encrypts the people cache, for the app and
      // the command line alike (main/services/people-cache-writer.ts finds it next to the bundle).
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          cli: resolve('main/cli/index.ts'),
          'image-host': resolve('main/images/image-host.ts'),
          'image-worker': resolve('main/images/image-worker.ts'),
          'people-cache-worker': resolve('main/services/people-cache-worker.ts')
        },
        checks: { pluginTimings: false }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot be an ES module: emit CommonJS.
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        // No "[PLUGIN_TIMINGS] …" block after every build (the demo prints the build's output).
        checks: { pluginTimings: false }
      }
    },
    plugins: [
      vue({
        template: {
          // cropperjs v2 ships web components <cropper-canvas>, <cropper-image>, ...
          compilerOptions: { isCustomElement: (tag) => tag.startsWith('cropper-') }
        }
      })
    ]
  }
})
