import { en } from './resources-en';
import { vi } from './resources-vi';

export { defaultNS, namespaces, type Namespace } from './resources-vi';

/**
 * The single source of every user-facing string, for the Electron menus, the PDF labels and the
 * tests. Vietnamese is the reference language: each `en/<ns>.ts` must have exactly its shape
 * (checked by the type system and by i18n.test.ts). Areas add a namespace per file, in
 * resources-vi.ts and resources-en.ts. The renderer imports Vietnamese statically and English
 * only when it is chosen (renderer/src/i18n).
 */
export const resources = { vi, en } as const;

export type Lang = keyof typeof resources;
