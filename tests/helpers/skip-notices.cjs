// A jest reporter: jest prints nothing of a test file whose tests were all
// skipped, not even what it logged, so a skip explained by console.warn would
// pass unseen in a full run. This prints, at the end of the run, what each wholly
// skipped file said (the real-text test says why it skipped, and how CI treats it).
class SkipNotices {
	constructor() {
		this.notices = [];
	}
	onTestResult(_test, result) {
		if (!result.skipped) return;
		const said = (result.console ?? []).map((entry) => entry.message);
		this.notices.push({ file: result.testFilePath, said });
	}
	onRunComplete() {
		for (const { file, said } of this.notices) {
			const why = said.length > 0 ? said.join("\n  ") : "(it gave no reason)";
			process.stderr.write(`\nSkipped: ${file}\n  ${why}\n`);
		}
	}
}
module.exports = SkipNotices;
