// Bundles the CLI for the package's `bin`. Start-up time is a product goal (synfw runs in git
// hooks), so the CLI is one minified CommonJS file, dist/synfw-cli.cjs: one file avoids resolving
// and loading ~150 modules, CommonJS avoids the ESM loader's set-up, and every module's body runs
// only when a command first needs it (esbuild's lazy module initialisers for the dynamic imports).
// The bin itself, dist/synfw.cjs, is a small launcher that runs the bundle with a V8 code cache
// (src/cli/code-cache.ts), so that the bundle is not compiled again on every run. Everything the
// CLI needs is inside except Node's own modules.

import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The bundle stands in for dist/cli/main.js: source files find package.json and schema/ relative
// to their own URL two directories below the package root, so import.meta.url must keep that depth.
// A getter: only commands that read those files pay for building the URL.
const IMPORT_META = `const importMeta = { get url() { return require('node:url').pathToFileURL(require('node:path').join(__dirname, 'cli', 'main.js')).href; } };`;

/**
 * The bundle is written already inside the function that require() would wrap a CommonJS file in,
 * so that the launcher compiles the file's text as it was read: wrapping it at run time made a
 * second string of the whole bundle, which V8 then copied flat again before compiling (about 2 ms
 * of a `synfw gen`, and 0.7 MB more for the garbage collector). The first line hands the function
 * out as the script's value when the launcher runs the file as a script (src/cli/code-cache.ts,
 * where `this` is the global object), and calls it when the file is require()d as a CommonJS
 * module (Node's own compile cache on Node >= 22.1, or no cache), where `this` is module.exports.
 * The bundle's code starts on the second line, as it did under require()'s own wrapper.
 */
const WRAP_HEAD =
  '(function (run) { return this === globalThis ? run : run.call(exports, exports, require, module, __filename, __dirname); }).call(this, (function (exports, require, module, __filename, __dirname) {';
const WRAP_TAIL = '\n}));\n';

const packageVersion = (): string => (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;

export const CLI_BUNDLE = 'dist/synfw-cli.cjs';
export const BIN = 'dist/synfw.cjs';

export async function bundleCli(): Promise<void> {
  const cli = await build({
    entryPoints: [`${root}src/cli/main.ts`],
    outfile: `${root}${CLI_BUNDLE}`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // SYNFW_NO_MINIFY=1 keeps names and lines readable, for reading a CPU profile of the bin.
    minify: !process.env.SYNFW_NO_MINIFY,
    define: { 'import.meta.url': 'importMeta.url', SYNFW_VERSION: JSON.stringify(packageVersion()) },
    banner: { js: `${WRAP_HEAD}\n${IMPORT_META}` },
    footer: { js: WRAP_TAIL },
    plugins: [lazyYargsShim, jsonParse],
    logLevel: 'warning',
    legalComments: 'none',
    write: false,
  });
  const code = cli.outputFiles[0]!.contents;
  // The launcher reads the bundle as latin1, which is a plain copy (UTF-8 must be decoded and
  // checked); that reads ASCII right, and esbuild escapes everything else (its default charset).
  if (code.some((byte) => byte > 0x7f)) throw new Error(`${CLI_BUNDLE} is not ASCII`);
  writeFileSync(`${root}${CLI_BUNDLE}`, code);
  await build({
    entryPoints: [`${root}src/cli/bin.ts`],
    outfile: `${root}${BIN}`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { SYNFW_BUNDLE_ID: JSON.stringify(createHash('sha256').update(code).digest('hex').slice(0, 16)) },
    // The launcher itself is compiled on every run, without a cache: the less text, the less to parse.
    minify: !process.env.SYNFW_NO_MINIFY,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
    legalComments: 'none',
  });
  // Executable as built: npm makes a bin executable when it links it, but `npx synfw` in a clone
  // reuses the link npm made for an earlier checkout at the same path, and ran a bin that was not.
  chmodSync(`${root}${BIN}`, 0o755);
}

/**
 * Work yargs does on every run for nothing synfw uses, each a few percent of a `synfw gen`:
 *   - its platform shim reads process.stdout.columns when it loads (a default help width; synfw
 *     sets its own), and creating process.stdout loads Node's tty, net and stream modules: the
 *     width is read when asked for instead;
 *   - the shim loads node:assert (which creates process.stderr) for two internal sanity checks:
 *     they load it only when they fail, to throw the same AssertionError (Object.is is the
 *     comparison assert's strictEqual uses);
 *   - every yargs instance guesses its version by searching for and reading a package.json; synfw
 *     gives its version (main.ts), so the guess is skipped (version(false), then synfw's own);
 *   - argsert checks the argument types of each yargs API call by parsing a type string, and only
 *     ever warns (it catches its own errors): synfw's calls are type-checked by TypeScript;
 *   - the shim loads cliui (with wrap-ansi, ansi-styles' colour tables and string-width) to lay
 *     out help text, which only --help shows: it loads when help is laid out;
 *   - every call of getInternalMethods (a few dozen per run) binds sixteen methods anew; they are
 *     the instance's own methods, looked up the same way each time, so the first set is kept.
 * The build fails if a text is not found (a new yargs), so that a cost cannot come back unnoticed.
 */
const LAZY_YARGS_SHIM: Array<[string, string]> = [
  ['stdColumns:void 0!==process.stdout.columns?process.stdout.columns:null', 'get stdColumns(){return void 0!==process.stdout.columns?process.stdout.columns:null}'],
  ['"use strict";var t=require("assert");', '"use strict";var t;'],
  [
    'assert:{notStrictEqual:t.notStrictEqual,strictEqual:t.strictEqual}',
    'assert:{notStrictEqual(a,b,m){Object.is(a,b)&&require("assert").notStrictEqual(a,b,m)},strictEqual(a,b,m){Object.is(a,b)||require("assert").strictEqual(a,b,m)}}',
  ],
  ['i.help(),i.version(),i', 'i.help(),i.version(!1),i'],
  ['function h(t,s,i){try{let n=0;', 'function h(t,s,i){return;try{let n=0;'],
  ['cliui:require("cliui"),', 'get cliui(){return require("cliui")},'],
  ['getInternalMethods(){return{', 'getInternalMethods(){return this.__internalMethods??={'],
];

/**
 * y18n, yargs' message catalogue, looks for a locale file (<package>/locales/en.json, beside the
 * bundle's directory) before its first message: a stat and a read that fail with an error object
 * each, on every run. No such file ships (package.json "files"), so its messages are always the
 * built-in English ones (and synfw's own, main.ts), which is what the lookup now returns at once.
 */
const Y18N_SHIM: Array<[string, string]> = [
  ['    _readLocaleFile() {\n', '    _readLocaleFile() {\n        this.cache[this.locale] = {};\n        return;\n'],
  // A message without arguments (a group title, an option's description) is returned as it is,
  // which is what util.format gives for a lone string; formatting costs the lookup of Node's
  // inspect code on every run.
  [
    '        return shim.format.apply(shim.format, [this.cache[this.locale][str] || str].concat(args));',
    '        if (args.length === 0) return this.cache[this.locale][str] || str;\n        return shim.format.apply(shim.format, [this.cache[this.locale][str] || str].concat(args));',
  ],
];

/** Each shimmed file and its replacements, each expected exactly once. */
const SHIMS: Array<{ file: RegExp; edits: Array<[string, string]> }> = [
  { file: /[\\/]yargs[\\/]build[\\/]index\.cjs$/, edits: LAZY_YARGS_SHIM },
  { file: /[\\/]y18n[\\/]build[\\/]index\.cjs$/, edits: Y18N_SHIM },
];

const lazyYargsShim: Plugin = {
  name: 'lazy-yargs-shim',
  setup(b) {
    for (const { file, edits } of SHIMS) {
      b.onLoad({ filter: file }, async (args) => {
        let text = await readFile(args.path, 'utf8');
        for (const [eager, lazy] of edits) {
          if (text.split(eager).length !== 2) throw new Error(`${args.path}: bundle.ts expects ${eager} once`);
          text = text.replace(eager, lazy);
        }
        return { contents: text, loader: 'js' };
      });
    }
  },
};

/**
 * JSON modules (the catalog) as JSON.parse of a string: V8 parses JSON text several times faster
 * than the same data written as a JavaScript object literal, and keeps it out of the code cache's
 * bytecode.
 */
const jsonParse: Plugin = {
  name: 'json-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, async (args) => {
      const data: unknown = JSON.parse(await readFile(args.path, 'utf8'));
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js' };
    });
  },
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await bundleCli();
}
