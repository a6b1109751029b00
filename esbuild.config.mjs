import esbuild from "esbuild";
import { builtinModules } from "node:module";

// One config, two bundles: the plugin for Obsidian (desktop and mobile) and the
// command line (plus the benchmark) for Node.
const production = process.argv[2] === "production";

/** Obsidian's own modules, provided at run time by the app. */
const obsidianExternals = [
  "obsidian",
  "electron",
  "@codemirror/autocomplete",
  "@codemirror/collab",
  "@codemirror/commands",
  "@codemirror/language",
  "@codemirror/lint",
  "@codemirror/search",
  "@codemirror/state",
  "@codemirror/view",
  "@lezer/common",
  "@lezer/highlight",
  "@lezer/lr",
  // Listed so that an accidental import fails the bundle test instead of
  // silently bundling a Node shim: main.js must run on mobile.
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

const plugin = {
  entryPoints: ["src/plugin/main.ts"],
  bundle: true,
  external: obsidianExternals,
  // Obsidian ships its own moment; the plugin takes it from there.
  alias: {},
  format: "cjs",
  target: "es2021",
  platform: "browser",
  logLevel: "info",
  sourcemap: production ? false : "inline",
  treeShaking: true,
  minify: false,
  outfile: "main.js",
};

const node = {
  entryPoints: { cli: "src/cli/main.ts", bench: "src/bench/bench.ts" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "info",
  outdir: "dist",
  banner: { js: "#!/usr/bin/env node" },
};

if (production) {
  await esbuild.build(plugin);
  await esbuild.build(node);
} else {
  const ctx = await esbuild.context(plugin);
  await esbuild.build(node);
  await ctx.watch();
}
