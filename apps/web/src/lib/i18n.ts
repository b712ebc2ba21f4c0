import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { chosenLanguage, Language, LANGUAGES, loadNamespace, NAMESPACES, rememberLanguage } from './language';

export { LANGUAGES, type Language } from './language';

const initial = chosenLanguage();

/**
 * Settles once the chosen language's files are in (main.tsx renders then). Rendering earlier would
 * suspend at the first namespace still on its way and mount the page a second time, fetching twice.
 */
export const i18nReady: Promise<unknown> = i18next
  .use(initReactI18next)
  // Each language's files are chunks of their own, fetched when that language is chosen: a reader
  // downloads only the language they read. The shell's menu names every area, so the chosen
  // language's namespaces are all fetched at start (a few kB compressed), in parallel.
  .use(resourcesToBackend(loadNamespace))
  .init({
    lng: initial,
    // Ask for the files at once, not after the rest of the app's code has run (start-language.ts has
    // usually asked already).
    initAsync: false,
    supportedLngs: [...LANGUAGES],
    // No fallback language: it would be fetched alongside the chosen one. Both languages have the
    // same keys (locales.spec.ts).
    fallbackLng: false,
    defaultNS: 'common',
    ns: [...NAMESPACES],
    // React escapes what it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
    // Should a namespace be missing still, a component waits (Suspense in main.tsx): never a bare key.
    react: { useSuspense: true },
  });
document.documentElement.lang = initial;
// <html lang> follows the language shown, once its files are in (changeLanguage waits for them).
i18next.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

export function setLanguage(lang: Language): void {
  rememberLanguage(lang);
  void i18next.changeLanguage(lang);
}

export default i18next;
