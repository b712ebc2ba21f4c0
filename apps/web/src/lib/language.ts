/**
 * The reader's language and where its strings are, without i18next: also read by the small start
 * script (start-language.ts) that fetches them before the app's main script has arrived.
 */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Every string users read lives in locales/<lang>/<namespace>.json, one namespace per area. */
export const NAMESPACES = ['common', 'proposals', 'tasks', 'admin'] as const;
const STORAGE_KEY = 'estafet.lang';

/** Bahasa Indonesia unless the reader chose English in this browser. */
export function chosenLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
}

export function rememberLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
}

/**
 * One namespace of one language: a chunk of its own, fetched when first asked for. The one place
 * that imports them, so that the start script and i18next share the same module (one fetch).
 */
export const loadNamespace = (language: string, namespace: string): Promise<unknown> => import(`../locales/${language}/${namespace}.json`);
