// A default time zone, so a run is the same on every machine; a TZ set by the
// caller wins (.ci/run re-runs the date-sensitive suites under UTC+14 and UTC-11).
// Set here, before jest starts its workers, so that they inherit it.
process.env.TZ = process.env.TZ || "Europe/Berlin";

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform: {
    "^.+\\.ts$": ["ts-jest", {}],
  },
  // The `obsidian` package ships types only; tests use a documented test double.
  moduleNameMapper: {
    "^obsidian$": "<rootDir>/tests/obsidian-double/obsidian.ts",
  },
  testTimeout: 60000,
  // A wholly skipped test file says why at the end of the run (jest alone prints nothing of it).
  reporters: ["default", "<rootDir>/tests/helpers/skip-notices.cjs"],
};
