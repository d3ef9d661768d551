// GET /settings and GET /settings/version/build (CONTRACT.md §3.3, §6: maxImageUploadSize is filled only for
// signed-in callers; the version build answers anyone).

import type { FastifyInstance } from 'fastify'
import { ok, registerApi, type PortalContext } from '../http/api'

export function registerSettingsRoutes(app: FastifyInstance, ctx: PortalContext): void {
  registerApi(app, ctx, {
    method: 'GET',
    url: '/settings',
    anonymous: true,
    allowNotPayment: true,
    handler: (call) => {
      const signedIn = call.caller !== undefined
      const offset = ctx.options.utcOffsetMinutes
      const sign = offset < 0 ? '-' : ''
      const abs = Math.abs(offset)
      const utcOffset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}:00`
      return ok({
        timezone: offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.floor(abs / 60)}`,
        trustedDomainsType: 0,
        culture: 'en-US',
        utcOffset,
        utcHoursOffset: offset / 60,
        greetingSettings: 'Demo DocSpace',
        ownerId: signedIn ? ctx.store.users.find((u) => u.isOwner)?.id : undefined,
        nameSchemaId: 'Common',
        passwordHash: { size: 256, iterations: 100000, salt: ctx.passwordSalt },
        version: ctx.options.version,
        recaptchaType: 0,
        debugInfo: false,
        tenantStatus: 0,
        tenantAlias: 'localhost',
        enableAdmMess: false,
        // Filled only for signed-in callers; anonymous callers see 0 (§3.3).
        maxImageUploadSize: signedIn ? ctx.options.maxImageUploadSize : 0
      })
    }
  })

  registerApi(app, ctx, {
    method: 'GET',
    url: '/settings/version/build',
    anonymous: true,
    allowNotPayment: true,
    handler: () =>
      ok({
        communityServer: ctx.rules.communityServer ? '12.0.0' : undefined,
        docSpace: ctx.options.version,
        documentServer: ctx.options.documentServerVersion ?? undefined
      })
  })
}
