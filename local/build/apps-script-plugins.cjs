/**
 * Rollup plugins that turn ES modules into what Apps Script runs: a single script whose globals
 * are top-level function declarations (no import/export), and a sidebar HTML file with its
 * script and styles inlined.
 */
const { readFileSync } = require('node:fs');

/** Node types that must not survive in an Apps Script file. */
const MODULE_NODES = new Set([
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExportAllDeclaration',
]);

/** The one top-level variable that holds the bundle's modules (not callable: not a function). */
const NAMESPACE = 'PILOTE_BUNDLE_';

/**
 * Turns the entry chunk into what Apps Script runs. Every module is wrapped in one function scope
 * assigned to a single variable, and each export becomes a top-level function declaration that
 * forwards to it. Only the exports are top-level functions: on Apps Script any top-level function
 * can be called from the browser through google.script.run, so internal helpers must not be.
 * The export list comes from rollup's chunk data and the AST (not a regex); the build fails when
 * an export is not a function declaration of the same name, or when anything module-like or
 * dev-only remains.
 */
function appsScriptGlobals({ forbidden = [] } = {}) {
  return {
    name: 'apps-script-globals',
    renderChunk(code, chunk) {
      if (!chunk.isEntry) this.error(`Apps Script accepts one file; unexpected chunk ${chunk.fileName}`);
      const ast = this.parse(code);
      const functions = new Map(
        ast.body.filter((n) => n.type === 'FunctionDeclaration' && n.id).map((n) => [n.id.name, n]),
      );
      const exported = new Set(chunk.exports);
      const globals = [];
      const cuts = [];
      for (const node of ast.body) {
        if (node.type !== 'ExportNamedDeclaration') continue;
        if (node.declaration || node.source) this.error('unexpected inline export in the rendered chunk');
        for (const spec of node.specifiers) {
          const local = spec.local.name;
          const name = spec.exported.name ?? spec.exported.value;
          if (local !== name) {
            this.error(`global ${name} is bound to ${local}: rename so Apps Script sees function ${name}`);
          }
          const declaration = functions.get(name);
          if (!declaration) this.error(`global ${name} must be a top-level function declaration`);
          globals.push({ name, params: declaration.params.map((p) => code.slice(p.start, p.end)) });
          exported.delete(name);
        }
        cuts.push([node.start, node.end]);
      }
      if (exported.size > 0) this.error(`exports not found in the chunk: ${[...exported].join(', ')}`);
      let body = code;
      for (const [start, end] of cuts.sort((a, b) => b[0] - a[0]))
        body = body.slice(0, start) + body.slice(end);
      const table = globals.map((g) => `    ${g.name}: ${g.name}`).join(',\n');
      const stubs = globals
        .map(
          (g) =>
            `function ${g.name}(${g.params.join(', ')}) {\n  return ${NAMESPACE}.${g.name}.apply(this, arguments);\n}`,
        )
        .join('\n\n');
      const out = `var ${NAMESPACE} = (function () {\n${body.trimEnd()}\n\n  return {\n${table}\n  };\n})();\n\n${stubs}\n`;
      const rest = this.parse(out);
      const leftover = rest.body.find((n) => MODULE_NODES.has(n.type));
      if (leftover) this.error(`module syntax left in the Apps Script bundle: ${leftover.type}`);
      const found = findForbidden(rest, forbidden);
      if (found) this.error(`dev-only code reached the Apps Script bundle: ${found}`);
      return { code: out, map: null };
    },
  };
}

/**
 * The first forbidden word found in the program's code — identifiers and string literals, not
 * comments (a comment may name HyperFormula; bundled HyperFormula code would declare it).
 */
function findForbidden(program, words) {
  if (words.length === 0) return null;
  const lowered = words.map((w) => w.toLowerCase());
  const stack = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node.type !== 'string') continue;
    const text =
      node.type === 'Identifier'
        ? node.name
        : node.type === 'Literal' && typeof node.value === 'string'
          ? node.value
          : null;
    if (text !== null) {
      const hit = lowered.find((w) => text.toLowerCase().includes(w));
      if (hit) return hit;
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) stack.push(...value);
      else if (value && typeof value === 'object') stack.push(value);
    }
  }
  return null;
}

/**
 * Inlines the chunk's JavaScript and a CSS file into an HTML template, emits it as `fileName`
 * and drops the JavaScript chunk: the sidebar is one self-contained file, nothing from a CDN.
 * With `minify`, the JavaScript is minified by esbuild (ES2019, the client's target) first: the
 * page stays under its weight budget as panels are added.
 */
function inlineHtml({ template, css, fileName, minify = false }) {
  return {
    name: 'inline-html',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      if (chunks.length !== 1) this.error(`expected one client chunk, got ${chunks.length}`);
      const [chunk] = chunks;
      const code = minify
        ? require('esbuild').transformSync(chunk.code, { minify: true, target: 'es2019', charset: 'utf8' })
            .code
        : chunk.code;
      const js = code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
      const styles = readFileSync(css, 'utf8').replace(/<\/(style)/gi, '<\\/$1');
      const page = readFileSync(template, 'utf8');
      if (!page.includes('/* INLINE_JS */') || !page.includes('/* INLINE_CSS */')) {
        this.error(`${template} lacks the INLINE_JS / INLINE_CSS markers`);
      }
      const html = page.replace('/* INLINE_CSS */', () => styles).replace('/* INLINE_JS */', () => js);
      if (/<(script|link)[^>]+(src|href)=["']?https?:/i.test(html))
        this.error('the sidebar loads something remote');
      delete bundle[chunk.fileName];
      this.emitFile({ type: 'asset', fileName, source: html });
    },
  };
}

/** Copies a file into the output folder unchanged. */
function copyFile({ from, fileName }) {
  return {
    name: `copy-${fileName}`,
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: readFileSync(from, 'utf8') });
    },
  };
}

module.exports = { appsScriptGlobals, inlineHtml, copyFile };
