/** Jest: every test under tests/, TypeScript through ts-jest (type-checking is `npm run typecheck`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/tests/global-setup.js',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node',
          target: 'ES2022',
          esModuleInterop: true,
          resolveJsonModule: true,
          isolatedModules: true,
        },
        diagnostics: false,
      },
    ],
  },
  testTimeout: 30000,
  // Two cores here and in CI: jest's default (cores - 1) would run the suite on one.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
};
