import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { AppError } from '../../../preload/contract'
import { momentText } from '../i18n/dates'
import { withLocaleNumbers } from '../i18n/create-i18n'
import { describeError, displayPortal, type ErrorText } from '../i18n/error-text'

/** Locale-aware numbers ("1,204" / "1.204"), moments and error texts, following the i18n locale. */
export function useFormat() {
  const { t, locale } = useI18n()
  const numberFormat = computed(() => new Intl.NumberFormat(locale.value))
  const decimalFormat = computed(() => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 1, minimumFractionDigits: 1 }))
  return {
    formatNumber: (n: number): string => numberFormat.value.format(n),
    formatSeconds: (ms: number): string => decimalFormat.value.format(ms / 1000),
    /** "3 Mar 2026, 14:05"; nothing for a moment that is not there. */
    formatMoment: (iso: string | undefined): string => (iso ? momentText(iso, locale.value) : ''),
    errorText: (error: AppError, portalUrl?: string): ErrorText => describeError((key, named) => t(key, withLocaleNumbers(named, locale.value)), error, portalUrl),
    portalName: displayPortal
  }
}
