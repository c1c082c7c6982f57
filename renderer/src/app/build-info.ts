// Defined by electron.vite.config.ts when the renderer is built; absent when code runs unbuilt (unit tests).
declare const __OCOP_BUILT_AT__: string | undefined;

/** When this copy of the app was built (ISO instant), or null when it was not built (tests). */
export const BUILT_AT: string | null = typeof __OCOP_BUILT_AT__ === 'string' ? __OCOP_BUILT_AT__ : null;
