/**
 * jsdom leaves out Node's `TextDecoder` and `TextEncoder`, which the command
 * line's reader and the content hash need (Obsidian has both); tests that
 * render the view or hash notes import this first.
 */
import { TextDecoder, TextEncoder } from "node:util";

const g = window as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
