import { defineConfig } from '@playwright/test'
import base from '../playwright.config'

/** Only the screenshot run (`npm run screenshots`); the e2e suite never picks up *.shots.ts. */
export default defineConfig({ ...base, testDir: '.', testMatch: /screenshots\.shots\.ts$/, projects: undefined })
