import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Tests sit next to the code (*.test.ts). Node for main, preload and the emulator; happy-dom for the renderer.
export default defineConfig({
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('cropper-') } } })
  ],
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['main/**/*.test.ts', 'preload/**/*.test.ts', 'shared/**/*.test.ts', 'emulator/**/*.test.ts', 'scripts/**/*.test.ts'],
          // Builds out/ (preload bundle, renderer) when missing: some tests read it, and a fresh clone has none.
          globalSetup: ['scripts/vitest-global-setup.ts']
        }
      },
      {
        extends: true,
        test: { name: 'renderer', environment: 'happy-dom', include: ['renderer/**/*.test.ts'] }
      }
    ]
  }
})
