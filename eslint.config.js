// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Import directions (see ARCHITECTURE.md): web → core, server → core, core → nothing of ours.
 * Server: routes → service → repository → db; a feature reaches another only through its service.
 * Web: app → features → components/lib; features do not import each other.
 */
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'artifacts/**', 'coverage/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { console: 'readonly', process: 'readonly' } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'server/test/**', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['core/src/**'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '(^|/)(server|web)(/|$)',
        message: 'core imports nothing of ours: it is the shared contract.',
      }),
    },
  },
  {
    files: ['server/src/**'],
    rules: {
      'no-restricted-imports': restrict(
        { regex: '(^|/)web/', message: 'The server does not import the web app.' },
        { regex: '^\\.\\./[^./][^/]*/[^/]+\\.repository$', message: "Use another feature's service, never its repository." },
      ),
    },
  },
  {
    files: ['server/src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { regex: '\\.repository$', message: 'Routes call services; only services call repositories.' },
        { regex: '^kysely', message: 'Routes do not query the database.' },
        { regex: '(^|/)access/', message: 'Authorization is the service’s job, through access/.' },
      ),
    },
  },
  {
    files: ['web/src/**'],
    rules: {
      'no-restricted-imports': restrict({ regex: '(^|/)server/', message: 'The web app talks to the server over HTTP only.' }),
    },
  },
  ...[
    // A file in features/<name>/<layer>/ reaches another feature with ../../<other>/; one in features/<name>/ with ../<other>/.
    { files: ['web/src/features/*/*/**'], otherFeature: '^\\.\\./\\.\\./(?!\\.\\./)' },
    { files: ['web/src/features/*/*.{ts,tsx}'], otherFeature: '^\\.\\./(?!\\.\\./)' },
    { files: ['web/src/components/**', 'web/src/lib/**'], otherFeature: '(^|/)features/' },
  ].map(({ files, otherFeature }) => ({
    files,
    rules: {
      'no-restricted-imports': restrict(
        { regex: '(^|/)server/', message: 'The web app talks to the server over HTTP only.' },
        { regex: '(^|/)app/', message: 'app/ composes features; features, components and lib do not import it.' },
        { regex: otherFeature, message: 'Features do not import each other, and components/lib import no feature; compose them in app/.' },
      ),
    },
  })),
);
