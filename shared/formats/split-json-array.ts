// Finds where the elements of big JSON arrays lie in a JSON text without parsing them, so that each
// element can be parsed from its own slice and dropped: a large file then never exists as one tree
// of objects (Isnad JSON's "documents", W3C "items", Label Studio's list of tasks).

/**
 * A JSON text as a string, or as UTF-8 bytes read on demand (db/json-file-bytes.ts reads a file
 * through a small window, so neither the file nor its text is ever held whole). Every byte of JSON's
 * syntax is ASCII and no byte of a multi-byte UTF-8 character is, so bytes split where text would.
 */
export type JsonText = string | JsonBytes;

export interface JsonBytes {
  readonly length: number;
  /**
   * Bytes around i (0 <= i < length), which `bytes[k]` holds at index `start + k`. The view is
   * good until the next call of chunkAt or decode (a file reader reuses one buffer).
   */
  chunkAt(i: number): JsonChunk;
  /** The text of bytes [start, end); may throw (e.g. on invalid UTF-8). */
  decode(start: number, end: number): string;
}

export interface JsonChunk {
  bytes: Uint8Array;
  start: number;
}

/** The whole text (for a whole-file parse, the rare way). */
export function wholeJsonText(json: JsonText): string {
  return typeof json === 'string' ? json : json.decode(0, json.length);
}

/** The text of [start, end) (string offsets for a string, byte offsets for bytes). */
export function jsonTextSlice(json: JsonText, start: number, end: number): string {
  return typeof json === 'string' ? json.slice(start, end) : json.decode(start, end);
}

/** JsonBytes over bytes in memory. */
export function jsonBytesOf(bytes: Uint8Array, decode: (bytes: Uint8Array) => string): JsonBytes {
  const whole = { bytes, start: 0 };
  return { length: bytes.length, chunkAt: () => whole, decode: (start, end) => decode(bytes.subarray(start, end)) };
}

/** 1 for the bytes that open or close a string, object or array: '"', '{', '}', '[', ']'. */
const STRUCTURAL_BYTES = new Uint8Array(256);
for (const byte of [0x22, 0x7b, 0x7d, 0x5b, 0x5d]) STRUCTURAL_BYTES[byte] = 1;

export interface JsonArraySplit {
  /** The text with every split array emptied (`[]`): small, parsed whole. */
  header: string;
  /** Per split path (keys joined by '.', '' for the top-level array): flat [start0, end0, start1, end1, ...]. */
  ranges: Map<string, number[]>;
}

/**
 * Splits the arrays found at `paths` (object keys from the top; [] is the top-level value itself).
 * A path that is absent, or whose value is not an array, is left in the header. Undefined for
 * anything unusual (a repeated or escaped key on the way, broken syntax): the caller then parses
 * the whole text, which also gives JSON.parse's own message for a syntax error.
 */
export function splitJsonArrays(json: JsonText, paths: readonly (readonly string[])[]): JsonArraySplit | undefined {
  const text = typeof json === 'string' ? json : undefined;
  const bytes = typeof json === 'string' ? undefined : json;
  const length = text?.length ?? bytes!.length;
  // Bytes are read from a local view of the current chunk: these run for every byte of the file.
  let chunk: Uint8Array = new Uint8Array(0);
  let chunkStart = 0;
  let chunkEnd = 0;
  const load = (i: number): void => {
    const loaded = bytes!.chunkAt(i);
    chunk = loaded.bytes;
    chunkStart = loaded.start;
    chunkEnd = loaded.start + loaded.bytes.length;
  };
  const code =
    text !== undefined
      ? (i: number) => text.charCodeAt(i)
      : (i: number): number => {
          if (i < chunkStart || i >= chunkEnd) {
            if (i < 0 || i >= length) return NaN;
            load(i);
          }
          return chunk[i - chunkStart]!;
        };
  const findQuote =
    text !== undefined
      ? (from: number) => text.indexOf('"', from)
      : (from: number): number => {
          for (let i = from; i < length; ) {
            if (i < chunkStart || i >= chunkEnd) load(i);
            // Most JSON strings are short: a plain loop beats the native search's call for them.
            const k = i - chunkStart;
            const near = Math.min(chunk.length, k + 48);
            for (let j = k; j < near; j++) if (chunk[j] === 0x22) return chunkStart + j;
            const found = near < chunk.length ? chunk.indexOf(0x22, near) : -1;
            if (found >= 0) return chunkStart + found;
            i = chunkEnd;
          }
          return -1;
        };
  const slice =
    text !== undefined
      ? (start: number, end: number) => text.slice(start, end)
      : (start: number, end: number) => {
          // Decoding may move a file reader's window: read the chunk again afterwards.
          chunkStart = chunkEnd = 0;
          return bytes!.decode(start, end);
        };
  const ranges = new Map<string, number[]>();
  const emptied: [number, number][] = [];
  const skipSpace = (i: number): number => {
    while (i < length) {
      const c = code(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    return i;
  };
  /** Index after the string that starts at i (a quote), or -1. */
  const skipString = (i: number): number => {
    let j = i + 1;
    for (;;) {
      const quote = findQuote(j);
      if (quote < 0) return -1;
      let backslashes = 0;
      while (code(quote - 1 - backslashes) === 0x5c) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      j = quote + 1;
    }
  };
  /** Index after the value that starts at i, or -1; the value's own syntax is left to JSON.parse. */
  const skipValue = (i: number): number => {
    const first = code(i);
    if (first === 0x22) return skipString(i);
    if (first !== 0x7b && first !== 0x5b) {
      for (let c = code(i); i < length && c !== 0x2c && c !== 0x7d && c !== 0x5d && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d; c = code(++i));
      return i;
    }
    return text !== undefined ? skipCompoundText(i) : skipCompoundBytes(i);
  };
  // The two loops below visit every byte outside strings (indentation mostly): they read the text or
  // the chunk directly, not through code(), which cost a third of an import's parsing time.
  /** Index after the object or array that starts at i (in a string), or -1. */
  const skipCompoundText = (i: number): number => {
    const source = text!;
    let depth = 0;
    while (i < length) {
      const c = source.charCodeAt(i);
      if (c === 0x22) {
        i = skipString(i);
        if (i < 0) return -1;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
      i++;
    }
    return -1;
  };
  /** skipCompoundText over bytes, a chunk at a time. */
  const skipCompoundBytes = (i: number): number => {
    let depth = 0;
    while (i < length) {
      if (i < chunkStart || i >= chunkEnd) load(i);
      const view = chunk;
      const base = chunkStart;
      let k = i - base;
      const n = view.length;
      // A chunk must hold the byte asked for; anything else is not JSON this splitter vouches for.
      if (k < 0 || k >= n) return -1;
      let c = 0;
      for (; k < n; k++) {
        c = view[k]!;
        // One table look-up settles the common byte (space, letter, digit, comma, colon).
        if (STRUCTURAL_BYTES[c] === 0) continue;
        if (c === 0x22) break;
        if (c === 0x7b || c === 0x5b) depth++;
        else if (--depth === 0) return base + k + 1;
      }
      if (k === n) {
        i = base + n;
        continue;
      }
      // Keys and short values end within a few bytes: read them here, escapes and all; a long or
      // cut-off string goes to skipString's native search.
      const near = Math.min(n, k + 64);
      let j = k + 1;
      while (j < near && view[j] !== 0x22) j++;
      if (j < near && view[j - 1] !== 0x5c) i = base + j + 1;
      else i = skipString(base + k);
      if (i < 0) return -1;
    }
    return -1;
  };
  /** Splits the array at i into `out`; index after it, or -1. */
  const splitArray = (i: number, out: number[]): number => {
    const arrayStart = i;
    i = skipSpace(i + 1);
    if (code(i) !== 0x5d) {
      for (;;) {
        const end = skipValue(i);
        if (end < 0) return -1;
        out.push(i, end);
        i = skipSpace(end);
        if (code(i) === 0x5d) break;
        if (code(i) !== 0x2c) return -1;
        i = skipSpace(i + 1);
      }
    }
    emptied.push([arrayStart, i + 1]);
    return i + 1;
  };
  /** The value at i, `depth` keys down every path in `wanted`; index after it, or -1. */
  const visit = (i: number, depth: number, wanted: readonly (readonly string[])[]): number => {
    const ending = wanted.find((path) => path.length === depth);
    if (ending !== undefined && code(i) === 0x5b) {
      const out: number[] = [];
      ranges.set(ending.join('.'), out);
      return splitArray(i, out);
    }
    wanted = wanted.filter((path) => path.length > depth);
    if (wanted.length === 0 || code(i) !== 0x7b) return skipValue(i);
    const seen = new Set<string>();
    i = skipSpace(i + 1);
    if (code(i) === 0x7d) return i + 1;
    for (;;) {
      if (code(i) !== 0x22) return -1;
      const keyEnd = skipString(i);
      if (keyEnd < 0) return -1;
      const key = slice(i + 1, keyEnd - 1);
      // JSON.parse keeps the last of repeated keys and unescapes keys: either could fool the split.
      if (key.includes('\\') || seen.has(key)) return -1;
      seen.add(key);
      i = skipSpace(keyEnd);
      if (code(i) !== 0x3a) return -1;
      i = skipSpace(i + 1);
      i = visit(i, depth + 1, wanted.filter((path) => path[depth] === key));
      if (i < 0) return -1;
      i = skipSpace(i);
      if (code(i) === 0x7d) return i + 1;
      if (code(i) !== 0x2c) return -1;
      i = skipSpace(i + 1);
    }
  };
  const start = skipSpace(0);
  if (start >= length) return undefined;
  const end = visit(start, 0, paths);
  if (end < 0 || skipSpace(end) !== length) return undefined;
  let header = '';
  let from = start;
  for (const [arrayStart, arrayEnd] of emptied) {
    header += `${slice(from, arrayStart)}[]`;
    from = arrayEnd;
  }
  return { header: header + slice(from, length), ranges };
}

/** What streamJsonArray found: the value with the chosen array emptied, and that array's elements one at a time. */
export type StreamedJsonArray =
  | { ok: true; value: unknown; count: number; elements: () => Generator<unknown> }
  | { ok: true; value: unknown; count: undefined; elements: undefined }
  | { ok: false; message: string };

/** Thrown from `elements()` when an element is not JSON after all; `message` is the whole text's JSON.parse message. */
export class JsonSyntaxError extends Error {}

/**
 * The JSON value (`value`), with the array `pick` chooses in it read element by element. `pick`
 * sees the value with the arrays at `paths` emptied, and returns the array it wants (or undefined):
 * when that array is one of the emptied ones, its elements are parsed one slice at a time;
 * otherwise (the split failed, or the array was not at a split path) from the whole parse.
 */
export function streamJsonArray(json: JsonText, paths: readonly (readonly string[])[], pick: (value: unknown) => unknown[] | undefined): StreamedJsonArray {
  const text = withoutByteOrderMark(json);
  const slice = typeof text === 'string' ? (start: number, end: number) => text.slice(start, end) : (start: number, end: number) => text.decode(start, end);
  const whole = () => (typeof text === 'string' ? text : text.decode(0, text.length));
  const split = splitJsonArrays(text, paths);
  let value: unknown;
  let parsedWhole = split === undefined;
  if (split !== undefined) {
    try {
      value = JSON.parse(split.header);
    } catch {
      parsedWhole = true;
    }
  }
  if (parsedWhole) {
    try {
      value = JSON.parse(whole());
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      return { ok: false, message: error.message };
    }
  }
  const list = pick(value);
  if (list === undefined) return { ok: true, value, count: undefined, elements: undefined };
  const path = parsedWhole || list.length > 0 ? undefined : paths.find((candidate) => split!.ranges.has(candidate.join('.')) && valueAt(value, candidate) === list);
  if (path === undefined) {
    return {
      ok: true,
      value,
      count: list.length,
      elements: function* () {
        for (let index = 0; index < list.length; index++) {
          const element = list[index];
          // Each element is needed once: let it go as soon as it has been read.
          list[index] = undefined;
          yield element;
        }
      },
    };
  }
  const ranges = split!.ranges.get(path.join('.'))!;
  return {
    ok: true,
    value,
    count: ranges.length / 2,
    elements: function* () {
      for (let r = 0; r < ranges.length; r += 2) {
        let element: unknown;
        try {
          element = JSON.parse(slice(ranges[r]!, ranges[r + 1]!));
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          // The whole text's parse gives the message with the right position.
          try {
            JSON.parse(whole());
          } catch (wholeError) {
            if (!(wholeError instanceof SyntaxError)) throw wholeError;
            throw new JsonSyntaxError(wholeError.message);
          }
          throw new JsonSyntaxError(error.message);
        }
        yield element;
      }
    },
  };
}

export function withoutByteOrderMark(json: JsonText): JsonText {
  if (typeof json === 'string') return json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  const head = json.length >= 3 ? json.chunkAt(0) : undefined;
  const at = (i: number) => (head !== undefined && i - head.start < head.bytes.length ? head.bytes[i - head.start] : undefined);
  if (at(0) !== 0xef || at(1) !== 0xbb || at(2) !== 0xbf) return json;
  return {
    length: json.length - 3,
    chunkAt: (i) => {
      const chunk = json.chunkAt(i + 3);
      return { bytes: chunk.bytes, start: chunk.start - 3 };
    },
    decode: (start, end) => json.decode(start + 3, end + 3),
  };
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
