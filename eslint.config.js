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

// One clock: China time whatever the computer's zone. Local-time getters and setters, the local Date
// constructor and toLocale…String without a timeZone read or write the PC's zone; only shared/time may
// touch Date's calendar fields, and it does so in UTC.
const LOCAL_TIME_MESSAGE = '本地时区的时间：请使用 shared/time（中国时间，UTC+8），不随电脑时区变化。'
const localTimeProperties = [
  'getFullYear',
  'getYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getSeconds',
  'getMilliseconds',
  'getTimezoneOffset',
  'setFullYear',
  'setYear',
  'setMonth',
  'setDate',
  'setHours',
  'setMinutes',
  'setSeconds',
  'setMilliseconds',
  'toDateString',
  'toTimeString'
].map((property) => ({ property, message: LOCAL_TIME_MESSAGE }))
const localTimeSyntax = [
  {
    selector:
      "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]:not(:has(Property[key.name='timeZone']))",
    message: `${LOCAL_TIME_MESSAGE}（toLocale…String 须写明 timeZone）`
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length>1]",
    message: `${LOCAL_TIME_MESSAGE}（new Date(年, 月, …) 按本地时区解释，请用 Date.UTC 或 shared/time）`
  }
]

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
    ignores: ['shared/time/**'],
    rules: {
      'no-restricted-properties': ['error', ...localTimeProperties],
      'no-restricted-syntax': ['error', ...localTimeSyntax]
    }
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', sharedMayNotImport] }
  },
  {
    // Rules interpret policies: rules/ reads policy/, never the other way round.
    files: ['shared/policy/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sharedMayNotImport.patterns,
            {
              group: ['**/rules', '**/rules/**'],
              message: 'shared/policy/ 不能依赖 shared/rules/：规则引擎读取制度，制度不读取规则。'
            }
          ]
        }
      ]
    }
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
    // The preload's bridge (window.chedang) is the OS; only platform/ talks to it.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/platform/**', 'renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...localTimeSyntax,
        {
          selector: "MemberExpression[property.name='chedang']",
          message: 'renderer/ 只能通过 renderer/src/platform/ 访问桌面程序的接口（window.chedang）。'
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
