// The one i18n layer: i18next + react-i18next, Chinese first. The chosen language is kept in
// localStorage and also drives dayjs, the Accept-Language header of API calls and <html lang>.
// Only the Chinese strings are in the first page's JS; the English ones are their own chunk, fetched before
// the first render when English was chosen (`i18nReady`) or when the user switches (issue 12: first page size).
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { zh } from './zh';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'sei.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zh };
  }
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function applyLanguage(lang: Language): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  setApiLanguage(lang === 'en' ? 'en' : 'zh-CN');
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice just does not survive a reload.
  }
}

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh');

async function loadLanguage(lang: Language): Promise<void> {
  if (lang !== 'en' || i18n.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en);
}

export async function changeLanguage(lang: Language): Promise<unknown> {
  await loadLanguage(lang);
  return i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => applyLanguage(lng === 'en' ? 'en' : 'zh'));

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh } },
  partialBundledLanguages: true,
  lng: initial,
  fallbackLng: 'zh',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
});

/** Resolves when the chosen language's strings are loaded: the app renders after it (no flash of Chinese). */
export const i18nReady: Promise<void> = loadLanguage(initial).catch(() => {
  // The English chunk failed to load (offline, new deployment): the Chinese strings are the fallback.
});

export default i18n;
