/**
 * Import rules checked by `npm run lint` (dependency-cruiser). Folder boundaries (renderer ↛ core,
 * core ↛ electron) are ESLint's no-restricted-imports in eslint.config.js; this file keeps what ESLint
 * cannot see: cycles across files.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle makes load order matter and areas inseparable. Pass what a module calls as a parameter ' +
        '(the training dataset receives invoke; it does not import api.ts).',
      from: {},
      // A cycle made only of `import type` is erased by the compiler and sets no load order; such a
      // cycle between two files of one area (results/answer-reader ↔ session-data) is allowed.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (a typo, a removed file, a package not installed).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out|dist|test-results|\\.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    cache: false,
  },
};
