import type { NoteIndex } from "../../../src/core/index/index";
import { antecedentTable, openComments, ratingsOverTime, reviewQueue } from "../../../src/core/sidebar/queries";
import { VaultInsights } from "../../../src/core/sidebar/vault-insights";
import { indexOf, read } from "../../helpers/notes";
import { other, s1, s2, sup } from "../../helpers/sessions";

describe("whole-vault answers kept current one note at a time", () => {
	const recompute = (index: NoteIndex) => ({
		table: antecedentTable(index.all()),
		review: reviewQueue(index.all()),
		comments: openComments(index.all()),
		ratings: ratingsOverTime(index.all()),
	});
	const incremental = (index: NoteIndex, ins: VaultInsights) => ({
		table: ins.vaultAntecedentTable(),
		review: reviewQueue(ins.recordsOf("review")),
		comments: openComments(ins.recordsOf("comments")),
		ratings: ratingsOverTime(ins.recordsOf("ratings")),
	});

	it("equals a full recomputation after notes are added, replaced, renamed, removed and the index cleared", () => {
		const index = indexOf({ "s1.md": s1, "sup.md": sup });
		const ins = new VaultInsights(index);
		expect(incremental(index, ins)).toEqual(recompute(index));
		index.set(read("s2.md", s2));
		expect(incremental(index, ins)).toEqual(recompute(index));
		index.set(read("s1.md", "#response/reflection #emotion/grief/primary-adaptive"));
		expect(incremental(index, ins)).toEqual(recompute(index));
		index.rename("s2.md", read("moved/s2.md", s2));
		expect(incremental(index, ins)).toEqual(recompute(index));
		expect(ins.folders()).toEqual(["moved"]);
		index.remove("sup.md");
		expect(incremental(index, ins)).toEqual(recompute(index));
		expect(ins.recordsOf("comments")).toEqual([]);
		index.clear();
		index.set(read("x/y.md", other));
		expect(incremental(index, ins)).toEqual(recompute(index));
		expect(ins.noteTypes()).toEqual([]);
		expect(ins.folders()).toEqual(["x"]);
	});

	it("stops following the index when disposed", () => {
		const index = indexOf({ "s1.md": s1 });
		const ins = new VaultInsights(index);
		ins.dispose();
		index.set(read("s2.md", s2));
		expect(ins.recordsOf("review")).toEqual([]);
	});
});
