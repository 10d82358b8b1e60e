import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react'
import { messagesEn, type MessageKey, type Messages } from './messages-en'
import { messagesKo } from './messages-ko'

export type Language = 'en' | 'ko'

const catalogs: Record<Language, Messages> = { en: messagesEn, ko: messagesKo }

export type Translate = (key: MessageKey, params?: Record<string, string>) => string

interface I18n {
  language: Language
  t: Translate
}

/** The OS/browser language decides until the person picks one in settings. */
export function detectLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'ko') return 'ko'
    if (base === 'en') return 'en'
  }
  return 'en'
}

export function createTranslate(language: Language): Translate {
  const messages = catalogs[language]
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => params?.[name] ?? whole)
}

const I18nContext = createContext<I18n | undefined>(undefined)

export function I18nProvider({ children, language }: { children: ReactNode; language?: Language }) {
  const value = useMemo(() => {
    const chosen = language ?? detectLanguage(navigator.languages)
    return { language: chosen, t: createTranslate(chosen) }
  }, [language])
  useEffect(() => {
    document.documentElement.lang = value.language
  }, [value.language])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>')
  return value
}
