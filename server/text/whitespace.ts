/**
 * `/\s/` for one UTF-16 code unit, without a one-character string and a regex test per character:
 * ECMAScript white space (tab, vertical tab, form feed, space, no-break space, BOM, category Zs) and line
 * terminators. A test compares it with `/\s/` over every code unit.
 */
export function isWhiteSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
