/**
 * Builds what clasp pushes (dist/): Code.js from src/server/main.ts, Sidebar.html from
 * src/client, and appsscript.json. Dev-only code (local/, HyperFormula) can never get in:
 * the entry imports only src/, and the Apps Script plugin fails the build if it finds it.
 */
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
// The plugins are CommonJS so that jest can load them too.
const { appsScriptGlobals, copyFile, inlineHtml } = require('./local/build/apps-script-plugins.cjs');

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'UNRESOLVED_IMPORT') {
    throw new Error(warning.message);
  }
  warn(warning);
};

export default [
  {
    input: 'src/server/main.ts',
    output: { file: 'dist/Code.js', format: 'es', generatedCode: 'es2015' },
    treeshake: { moduleSideEffects: false },
    onwarn,
    plugins: [
      nodeResolve(),
      typescript({ tsconfig: 'tsconfig.json', noEmitOnError: true, outputToFilesystem: false }),
      appsScriptGlobals({ forbidden: ['hyperformula', 'HyperFormula', 'local/emulator'] }),
      copyFile({ from: 'appsscript.json', fileName: 'appsscript.json' }),
    ],
  },
  {
    input: 'src/client/main.ts',
    output: { dir: 'dist', format: 'iife', entryFileNames: 'sidebar.js' },
    onwarn,
    plugins: [
      nodeResolve({ browser: true }),
      typescript({ tsconfig: 'tsconfig.client.json', noEmitOnError: true, outputToFilesystem: false }),
      inlineHtml({
        template: 'src/client/sidebar.html',
        css: 'src/client/styles.css',
        fileName: 'Sidebar.html',
        minify: true,
      }),
    ],
  },
];
