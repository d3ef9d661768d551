import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { createAppI18n } from '../i18n/create-i18n'
import { bindAppearance } from '../settings/appearance'
import { useSettingsStore } from '../stores/settings-store'
import { createFakeAppApi, fail } from '../testing/fake-app-api'
import { createTestPinia, settle } from '../testing/mount-app'
import SettingsDialog from './settings-dialog.vue'

/** The dialog with the store bound to a real i18n and <html>, as main.ts binds them. */
async function open(options: { failSave?: boolean; systemDark?: boolean } = {}) {
  const api = createFakeAppApi(options.failSave ? { settings: { update: async () => fail('app/internal') } } : {})
  const pinia = createTestPinia(api)
  const i18n = createAppI18n('en')
  const settings = useSettingsStore(pinia)
  await settings.load()
  const systemDark = ref(options.systemDark ?? false)
  bindAppearance({ settings, locale: i18n.global.locale, root: document.documentElement, languages: () => ['en-US'], systemDark })
  const wrapper = mount(SettingsDialog, { attachTo: document.body, global: { plugins: [pinia, i18n] } })
  await settle()
  return { api, wrapper, systemDark, settings }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('settings dialog', () => {
  it('switches the language at once, saves it, and names the system language', async () => {
    const { api, wrapper } = await open()
    const select = wrapper.get('select')
    expect(select.findAll('option').map((o) => o.text())).toEqual(expect.arrayContaining(['Same as the system (English)', 'English', 'Deutsch']))
    await select.setValue('de')
    await settle()
    expect(wrapper.get('h2').text()).toBe('Einstellungen')
    expect(document.documentElement.lang).toBe('de')
    expect(api.args['settings.update']).toEqual([{ language: 'de' }])
    wrapper.unmount()
  })

  it('sets light or dark, or follows the system as it changes', async () => {
    const { api, wrapper, systemDark } = await open({ systemDark: true })
    expect(document.documentElement.dataset.theme).toBe('dark')
    await wrapper.get('input[value="light"]').setValue(true)
    await settle()
    expect(document.documentElement.dataset.theme).toBe('light')
    expect(api.args['settings.update']).toEqual([{ theme: 'light' }])
    await wrapper.get('input[value="system"]').setValue(true)
    await settle()
    expect(document.documentElement.dataset.theme).toBe('dark')
    systemDark.value = false
    await settle()
    expect(document.documentElement.dataset.theme).toBe('light')
    wrapper.unmount()
  })

  it('puts the choice back and says so when it cannot be saved', async () => {
    const { wrapper, settings } = await open({ failSave: true })
    await wrapper.get('input[value="dark"]').setValue(true)
    await settle()
    expect(settings.theme).toBe('system')
    expect(document.documentElement.dataset.theme).toBe('light')
    expect(wrapper.get('[data-testid="settings-error"]').text()).toContain('The setting could not be saved')
    wrapper.unmount()
  })
})

describe('settings store', () => {
  it('keeps the later of two quick choices while the first is still being saved', async () => {
    const saves: ((v: unknown) => void)[] = []
    let saved = { language: 'system', theme: 'system' as 'system' | 'light' | 'dark' }
    const api = createFakeAppApi({
      settings: {
        update: (patch) =>
          new Promise((resolve) =>
            saves.push(() => {
              saved = { ...saved, ...patch }
              resolve({ ok: true, value: saved })
            })
          )
      }
    })
    const settings = useSettingsStore(createTestPinia(api))
    const first = settings.update({ theme: 'dark' })
    const second = settings.update({ theme: 'light' })
    saves[0]?.(undefined)
    await first
    expect(settings.theme).toBe('light')
    saves[1]?.(undefined)
    await second
    expect(settings.theme).toBe('light')
  })
})
