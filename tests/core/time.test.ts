import { dateAt, localIsoDate } from "../../src/core/time";
import { now } from "../helpers/clock";

describe("dates", () => {
	it("today is the local calendar day", () => {
		expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
	});
	it("dateAt reads YYYY-MM-DD at the given time of day, and refuses what is no date", () => {
		const d = dateAt("2026-02-28", now)!;
		expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 1, 28, 9, 30]);
		expect(dateAt("2026-02-30", now)).toBeUndefined();
		expect(dateAt("16/03/2026", now)).toBeUndefined();
	});
});
