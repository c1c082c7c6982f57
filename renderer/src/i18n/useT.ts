import { useTranslation } from 'react-i18next';
import { namespaces } from '../../../shared/i18n/resources-vi';

/**
 * `t` over every namespace, with keys written `ns:key` and checked by the compiler
 * (e.g. t('settings:title')). Screens use this instead of useTranslation directly.
 */
export const useT = () => useTranslation(namespaces);
