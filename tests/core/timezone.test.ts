/**
 * The jest config pins a default time zone, and a TZ given by the caller wins:
 * `.ci/run` relies on both to re-run the date-sensitive suites at UTC+14 and UTC-11.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "../..");

describe("the test time zone", () => {
	it("is set for every jest worker", () => {
		expect(process.env.TZ).toBeTruthy();
		expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
	});

	it("is re-run by .ci/run under Pacific/Kiritimati and Pacific/Pago_Pago, on suites that exist", () => {
		const run = fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8");
		expect(run).toContain("Pacific/Kiritimati");
		expect(run).toContain("Pacific/Pago_Pago");
		const suites = [...run.matchAll(/^\s+(tests\/\S+\.test\.ts)$/gm)].map((m) => m[1]!);
		expect(suites.length).toBeGreaterThanOrEqual(5);
		for (const s of suites) expect(fs.existsSync(path.join(ROOT, s))).toBe(true);
	});
});
