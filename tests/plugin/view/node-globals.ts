/**
 * jsdom leaves out Node's `TextDecoder`, which the command line's reader
 * needs; tests that render the view and read a vault from disk import this first.
 */
import { TextDecoder } from "node:util";

const g = window as unknown as { TextDecoder?: unknown };
g.TextDecoder ??= TextDecoder;
