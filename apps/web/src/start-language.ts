import { chosenLanguage, loadNamespace, NAMESPACES } from './lib/language';

// A second, tiny entry of index.html (async): it runs as soon as it arrives and asks for the chosen
// language's files while the app's main script is still downloading. i18next (lib/i18n.ts) then finds
// them loaded instead of fetching them only once the main script has run: a round trip less before
// the first paint on a slow link. Only the chosen language is fetched.
const language = chosenLanguage();
for (const namespace of NAMESPACES) void loadNamespace(language, namespace).catch(() => undefined);
