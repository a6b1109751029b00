/**
 * Writing XML by hand, safely: escaping for text and attributes, and the
 * characters XML 1.0 cannot hold at all. Used by the REFI-QDA writers.
 */

/**
 * Characters XML 1.0 forbids even as references (C0 controls other than
 * tab, line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates).
 * A note can hold them; the document must not, or no reader will open it.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as the content of an element. */
export function xmlText(s: string): string {
	return s.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text as an attribute value in double quotes; tabs and line breaks kept as references, since a parser would fold them to spaces. */
export function xmlAttr(s: string): string {
	return xmlText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** An element's attributes, in the order given; undefined values are left out. */
export function attrs(list: Record<string, string | number | boolean | undefined>): string {
	return Object.entries(list)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
		.join("");
}
