// Lint enforces the architecture: data flows one way (claims → match → page
// → annotate → components → entrypoints), and the pure layers (lib/claims,
// lib/match) never touch the DOM, extension APIs or UI components.
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

const DOM_GLOBALS = ['document', 'window', 'navigator', 'location', 'HTMLElement', 'Element', 'Node', 'Text', 'Range', 'MutationObserver', 'getComputedStyle'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { import: importPlugin, 'no-unsanitized': noUnsanitized },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      // HTML reaches the DOM only through sanitizeHtml (lib/annotate/sanitize-html.ts).
      'no-unsanitized/method': ['error', { escape: { methods: ['sanitizeHtml'] } }],
      'no-unsanitized/property': ['error', { escape: { methods: ['sanitizeHtml'] } }],
      'no-restricted-syntax': [
        'error',
        {
          // Components cannot import lib/annotate, so they take a SanitizedHtml prop whose name says so.
          selector:
            "JSXAttribute[name.name='dangerouslySetInnerHTML']:not(:has(CallExpression[callee.name='sanitizeHtml']), :has(Identifier[name=/^sanitized/i]))",
          message:
            'Render HTML only from sanitizeHtml() (lib/annotate/sanitize-html.ts): __html: sanitizeHtml(x), or a SanitizedHtml prop named sanitized*.',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './lib/match', from: ['./lib/page', './lib/annotate', './components', './entrypoints', './lib/build', './lib/cli'], message: 'lib/match is pure: no DOM layers, UI or Node-only code.' },
            { target: './lib/claims', from: ['./lib/match', './lib/page', './lib/annotate', './components', './entrypoints', './lib/build', './lib/cli'], message: 'lib/claims is pure and comes first in the pipeline.' },
            { target: './lib/page', from: ['./lib/annotate', './components', './entrypoints'], message: 'lib/page comes before annotate and UI.' },
            { target: './lib/annotate', from: ['./components', './entrypoints'], message: 'lib/annotate takes its renderer as a parameter; it does not import UI.' },
            { target: './components', from: ['./entrypoints', './lib/page', './lib/annotate'], message: 'Components take props; they do not reach into the page.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/match/**/*.ts', 'lib/claims/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'Pure layers do not use extension APIs.' },
            { name: 'webextension-polyfill', message: 'Pure layers do not use extension APIs.' },
            { name: 'preact', message: 'Pure layers do not render UI.' },
            { name: 'dompurify', message: 'Pure layers do not touch the DOM.' },
          ],
          patterns: [{ group: ['node:*', 'fs', 'path', '**/components/**'], message: 'Pure layers run in the browser too: no Node built-ins or components.' }],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'lib/match and lib/claims run without a DOM.' }))],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'lib/cli/**/*.ts', 'lib/build/**/*.ts', '*.config.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Tests build hostile fixtures on purpose; the sanitiser rule guards product code.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { 'no-unsanitized/property': 'off', 'no-unsanitized/method': 'off', 'no-restricted-syntax': 'off' },
  },
);
