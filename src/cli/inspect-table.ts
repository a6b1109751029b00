/**
 * `attune inspect --format table`: one note for a person to read, with what
 * Attune made of its properties, its tags, its supervisor comments and its
 * problems. The JSON format stays the contract (FORMAT.md section 6).
 */
import { type NoteRecord } from "../core/note/note";
import { FAMILY_LABELS, PROCESS_LABELS, labelFor } from "../core/vocabulary/families";

/** Readable names of the properties Attune reads, in the order a session note lists them. */
const PROPERTY_LABELS: Record<string, string> = {
	noteType: "Note type",
	client: "Client",
	date: "Date",
	session: "Session",
	previous: "Previous",
	modality: "Modality",
	clinician: "Clinician",
	supervisor: "Supervisor",
	review: "Review",
	reviewedBy: "Reviewed by",
	reviewedOn: "Reviewed on",
	reviews: "Reviews",
	duration: "Duration (minutes)",
	durationWritten: "Duration (not read)",
	ratings: "Ratings",
};

function propertyValue(v: unknown): string {
	if (Array.isArray(v)) return v.map(String).join(", ");
	if (v !== null && typeof v === "object") return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${String(x)}`).join(", ");
	return String(v);
}

/** Rows with their columns aligned, two spaces apart, under a header and a rule. */
function aligned(header: string[], rows: string[][]): string[] {
	const width = (s: string) => [...s].length;
	const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => width(r[i] ?? ""))));
	const line = (r: string[]) => r.map((c, i) => c + " ".repeat(Math.max(0, widths[i]! - width(c)))).join("  ").trimEnd();
	return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/** The table view of one note's record. */
export function renderInspectTable(rec: NoteRecord): string {
	const out: string[] = [`Note: ${rec.path}`];

	const props = Object.entries(rec.props).filter(([, v]) => v !== undefined);
	out.push("", "Properties read");
	if (rec.propertiesError !== undefined) out.push(`The properties could not be read: ${rec.propertiesError}`);
	else if (props.length === 0) out.push("None.");
	else {
		const labelled = props.map(([k, v]) => [PROPERTY_LABELS[k] ?? k, propertyValue(v)] as const);
		const w = Math.max(...labelled.map(([l]) => l.length));
		for (const [l, v] of labelled) out.push(`${l.padEnd(w)}  ${v}`);
	}

	out.push("", `Attune tags (${rec.occurrences.length})`);
	if (rec.occurrences.length === 0) out.push("None.");
	else {
		out.push(...aligned(["Line", "Tag", "Family", "Value", "Class", "Under heading"], rec.occurrences.map((o) => [
			o.inProperties ? `${o.line + 1} (properties)` : String(o.line + 1),
			`#${o.tag}`,
			FAMILY_LABELS[o.family] ?? o.family,
			labelFor(o.value),
			o.process !== undefined ? PROCESS_LABELS[o.process] : o.direction !== undefined ? labelFor(o.direction) : "",
			o.headings[o.headings.length - 1] ?? "",
		])));
	}

	const open = rec.comments.filter((c) => !c.resolved).length;
	out.push("", `Supervisor comments (${open} open, ${rec.comments.length - open} resolved)`);
	if (rec.comments.length === 0) out.push("None.");
	else out.push(...aligned(["Line", "State", "Comment"], rec.comments.map((c) => [String(c.line + 1), c.resolved ? "Resolved" : "Open", c.text])));

	out.push("", `Needs attention (${rec.diagnostics.length})`);
	if (rec.diagnostics.length === 0) out.push("None.");
	for (const d of rec.diagnostics) out.push(`Line ${d.line}  ${d.code}  ${d.tag}  ${d.message}`);
	return out.join("\n") + "\n";
}
