import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { chmodSync } from "node:fs";
import { fileURLToPath } from "node:url";

// One config, three bundles: the plugin for Obsidian (desktop and mobile), the
// command line for Node (with its reading thread), and the benchmark (Node, with the obsidian test double).
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
	// Listed so that an accidental import stays a visible require() that the
	// bundle test catches, instead of a silently bundled shim: main.js must run on mobile.
	...builtinModules,
	...builtinModules.map((m) => `node:${m}`),
];

const plugin = {
	entryPoints: ["src/plugin/main.ts"],
	bundle: true,
	external: obsidianExternals,
	format: "cjs",
	target: "es2021",
	platform: "browser",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: false,
	outfile: "main.js",
};

const cli = {
	// The reading threads of `attune summarize` run dist/read-worker.js, beside dist/cli.js.
	entryPoints: { cli: "src/cli/main.ts", "read-worker": "src/cli/read-worker.ts" },
	bundle: true,
	format: "cjs",
	platform: "node",
	target: "node20",
	logLevel: "info",
	outdir: "dist",
	banner: { js: "#!/usr/bin/env node" },
};

/** The benchmark loads the plugin inside the documented test double of `obsidian`. */
const bench = {
	...cli,
	entryPoints: { bench: "src/bench/bench.ts" },
	banner: {},
	// jsdom is loaded at run time from node_modules; it does not bundle.
	external: ["jsdom"],
	plugins: [
		{
			name: "obsidian-double",
			setup(build) {
				const double = fileURLToPath(new URL("./tests/obsidian-double/obsidian.ts", import.meta.url));
				build.onResolve({ filter: /^obsidian$/ }, () => ({ path: double }));
			},
		},
	],
};

/** `dist/cli.js` starts with `#!/usr/bin/env node`: make it runnable as `./dist/cli.js` and through `npm link`. */
function markExecutable() {
	chmodSync("dist/cli.js", 0o755);
}

if (production) {
	await esbuild.build(plugin);
	await esbuild.build(cli);
	markExecutable();
	await esbuild.build(bench);
} else {
	const ctx = await esbuild.context(plugin);
	await esbuild.build(cli);
	markExecutable();
	await ctx.watch();
}
