import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { zhCN } from './zh-CN'
import { enUS } from './en-US'

export const SUPPORTED_LANGUAGES = ['zh-CN', 'en-US'] as const
export type Language = (typeof SUPPORTED_LANGUAGES)[number]

export async function initI18n(language: Language = 'zh-CN') {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    interpolation: { escapeValue: false },
    returnNull: false
  })
  return i18next
}
