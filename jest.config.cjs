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
};
