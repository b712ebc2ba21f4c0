import { useTranslation } from 'react-i18next';
import type { FieldMessage } from './form/proposal-form';
import { NS } from './proposal-values';

/** One field message in the reader's language (or the API's words when the form does not know them). */
export function useMessageText(): (m: FieldMessage) => string {
  const { t } = useTranslation(NS);
  return (m) => m.raw ?? t(`validation.${m.key}`, m.params ?? {});
}
