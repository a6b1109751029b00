import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "dist/", "coverage/", "example-vault/", "bench-vaults/", "tests/artifacts/", "esbuild.config.mjs", "jest.config.cjs"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ["eslint.config.mjs", "version-bump.mjs", "scripts/*.mjs", "tests/helpers/*.cjs"] },
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// The command line, the benchmark and the tests run in Node, never inside
		// Obsidian: Node built-ins and the `moment` package are theirs to use
		// (the plugin takes moment from `obsidian`).
		files: ["src/cli/**", "src/bench/**", "tests/**", "scripts/**", "version-bump.mjs"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			// The command line reads vaults on disk, where the config folder is
			// `.obsidian` unless the user says otherwise; there is no Vault#configDir.
			"obsidianmd/hardcoded-config-path": "off",
			// A command line prints; Node has no popout windows; these run outside Obsidian.
			"no-console": "off",
			"obsidianmd/rule-custom-message": "off",
			"obsidianmd/no-global-this": "off",
			"obsidianmd/prefer-create-el": "off",
			// Tests drive the vault double directly (deleting a note is an event under test).
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/prefer-file-manager-trash-file": "off",
			// The double re-exports the real moment package, as Obsidian does.
			"@typescript-eslint/no-restricted-imports": "off",
			"import/no-nodejs-modules": "off",
			"obsidianmd/no-nodejs-modules": "off",
			"no-restricted-imports": "off",
		},
	},
	{
		rules: {
			// minAppVersion is below 1.13, where declarative settings arrived, so the
			// settings tab uses display(), which every supported version has.
			"obsidianmd/settings-tab/prefer-setting-definitions": "off",
			// TypeScript checks names itself, including ambient ones such as NodeJS.
			"no-undef": "off",
		},
	},
	{
		files: ["package.json"],
		rules: {
			// Kept on purpose: the command line and the tests need the real package.
			"depend/ban-dependencies": "off",
		},
	},
]);
