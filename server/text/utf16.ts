/**
 * Strings from buffers of UTF-16 code units: the parsers build their output text in reused typed
 * buffers (cheaper than one string or array slot per character) and make a string of it once.
 */
const decoder = new TextDecoder('utf-16le');

/**
 * The string of `codes[start, end)`. `surrogates`: whether the range may hold a surrogate code unit; the
 * decoder, the fastest way, would replace a lone one, so such a range is converted unit by unit.
 */
export function stringFromCodes(codes: Uint16Array, start: number, end: number, surrogates: boolean): string {
  if (!surrogates) return decoder.decode(codes.subarray(start, end));
  let out = '';
  // Chunked: an argument list has a size limit.
  for (let i = start; i < end; i += 8192)
    out += String.fromCharCode.apply(null, Array.from(codes.subarray(i, Math.min(end, i + 8192))));
  return out;
}

export const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
