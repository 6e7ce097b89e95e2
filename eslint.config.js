import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import prettierConfig from 'eslint-config-prettier'

// The three rooms: renderer -> shared, electron -> shared; shared imports neither, nor any platform.
const sharedMayNotImport = {
  patterns: [
    { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ 是纯领域代码，不能依赖 renderer/ 或 electron/。' },
    {
      group: [
        'react',
        'react-dom',
        'react/*',
        'dexie',
        'dexie-*',
        'electron',
        'node:*',
        'fs',
        'path',
        'os',
        'crypto',
        'child_process'
      ],
      message: 'shared/ 不能依赖 React、Dexie、Electron 或 Node API。'
    }
  ]
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', sharedMayNotImport] }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron', 'node:*'],
              message: 'renderer/ 只能通过 platform 接口访问操作系统。'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ 不能依赖 renderer/。' }]
        }
      ]
    }
  },
  prettierConfig
)
