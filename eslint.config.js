// Lint with the architecture's boundary rules (ARCHITECTURE.md §7.2): only the Electron shell files
// import 'electron'; keytar, got, sharp and cropperjs each live behind one module; the renderer
// never reaches into main/ or the emulator; main/'s layers import downwards only (scripts/lint/layers.js).
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import { layersPlugin } from './scripts/lint/layers.js'

const only = (name, message) => ({ name, message })
const ELECTRON = only('electron', 'Only the shell files (main/index.ts, main/window.ts, preload/index.ts) import electron.')
const KEYTAR = only('keytar', 'keytar lives behind main/secrets/keytar-store.ts.')
const GOT = only('got', 'got lives behind main/docspace/http.ts.')
const SHARP = only('sharp', 'sharp lives behind main/images/ (the app), main/testing/ (test images) or emulator/ (the test portal).')
const CROPPER = only('cropperjs', 'cropperjs lives behind renderer/src/components/photo-cropper.vue.')
const restrict = (...paths) => ['error', { paths }]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'test-results/**', '.demo-data/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/no-deprecated-slot-attribute': 'off'
    }
  },
  // main, preload: everything restricted by default...
  { files: ['main/**/*.ts', 'preload/**/*.ts'], rules: { 'no-restricted-imports': restrict(ELECTRON, KEYTAR, GOT, SHARP, CROPPER) } },
  // ...then each owner may import its one library.
  { files: ['main/index.ts', 'main/window.ts', 'preload/index.ts'], rules: { 'no-restricted-imports': restrict(KEYTAR, GOT, SHARP, CROPPER) } },
  { files: ['main/secrets/keytar-store.ts'], rules: { 'no-restricted-imports': restrict(ELECTRON, GOT, SHARP, CROPPER) } },
  { files: ['main/docspace/http.ts'], rules: { 'no-restricted-imports': restrict(ELECTRON, KEYTAR, SHARP, CROPPER) } },
  { files: ['main/images/**/*.ts', 'main/testing/**/*.ts'], rules: { 'no-restricted-imports': restrict(ELECTRON, KEYTAR, GOT, CROPPER) } },
  // main's layers, low to high: core < docspace, images, secrets < services < changes < jobs < ipc, cli < shell
  { files: ['main/**/*.ts', 'preload/contract.ts', 'shared/**/*.ts'], plugins: { layers: layersPlugin }, rules: { 'layers/layers': 'error' } },
  // renderer: no Node, no main-process code, cropperjs only in its component
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON, KEYTAR, GOT, SHARP, CROPPER],
          patterns: [
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node modules.' },
            { group: ['**/main/**', '**/emulator/**'], message: 'The renderer talks to main only through window.app.' }
          ]
        }
      ]
    }
  },
  { files: ['renderer/src/components/photo-cropper.vue'], rules: { 'no-restricted-imports': restrict(ELECTRON, KEYTAR, GOT, SHARP) } },
  // the emulator is a separate program: never the app's modules
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [ELECTRON, KEYTAR, GOT, CROPPER], patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'The emulator stands alone.' }] }
      ]
    }
  }
)
