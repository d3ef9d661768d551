import { useI18n } from 'vue-i18n'

/** Dates of hand-overs in the user's locale ("2 Dec 2026, 14:05"). */
export function useDate() {
  const { locale } = useI18n()
  return {
    formatDate: (iso: string | undefined): string => {
      if (!iso) return ''
      const date = new Date(iso)
      return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
    }
  }
}
