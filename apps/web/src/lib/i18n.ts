import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import adminEn from '../locales/en/admin.json';
import commonEn from '../locales/en/common.json';
import proposalsEn from '../locales/en/proposals.json';
import tasksEn from '../locales/en/tasks.json';
import adminId from '../locales/id/admin.json';
import commonId from '../locales/id/common.json';
import proposalsId from '../locales/id/proposals.json';
import tasksId from '../locales/id/tasks.json';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'estafet.lang';

/** Every string users read lives in these files, one namespace per area; Bahasa Indonesia is the default. */
export const resources = {
  id: { common: commonId, proposals: proposalsId, tasks: tasksId, admin: adminId },
  en: { common: commonEn, proposals: proposalsEn, tasks: tasksEn, admin: adminEn },
} as const;

const stored = localStorage.getItem(STORAGE_KEY);
const initial: Language = stored === 'en' ? 'en' : 'id';

void i18next.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'id',
  defaultNS: 'common',
  ns: ['common', 'proposals', 'tasks', 'admin'],
  // React escapes what it renders; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = initial;

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export default i18next;
