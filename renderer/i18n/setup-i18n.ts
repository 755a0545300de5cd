// Interface language: Arabic by default, English on request; remembered in localStorage. The
// page's lang/dir follow the interface language (the article itself stays rtl in both).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './ar';
import { en } from './en';

export type UiLanguage = 'ar' | 'en';
const STORAGE_KEY = 'isnad.language';

export function storedLanguage(): UiLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

export function applyDocumentLanguage(language: UiLanguage): void {
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
}

export async function setupI18n(): Promise<typeof i18next> {
  const language = storedLanguage();
  applyDocumentLanguage(language);
  await i18next.use(initReactI18next).init({
    resources: { ar: { translation: ar }, en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', (next) => {
    const language: UiLanguage = next === 'en' ? 'en' : 'ar';
    applyDocumentLanguage(language);
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
  });
  return i18next;
}
