import CodepageEncoder from '@point-of-sale/codepage-encoder';

/**
 * The ESC/POS encoder library encodes each piece of a slip's text through CodepageEncoder.encode,
 * which asks for the code page's definition every time and gets a fresh deep copy of it
 * (structuredClone of its 256 code points): most of the time a desk step spent rendering its
 * slip, on the scan path. This encode does the same with one copy of each code page's code points,
 * read and never changed. (getEncoding itself must keep copying: the library builds code pages
 * that extend another by changing a copy of the other's code points.) Imported for its effect by
 * the ESC/POS renderer.
 */

const codepointsByPage = new Map<string, readonly number[]>();

function codepointsOf(codepage: Parameters<typeof CodepageEncoder.encode>[1]): readonly number[] {
  let codepoints = codepointsByPage.get(codepage);
  if (!codepoints) {
    codepoints = CodepageEncoder.getEncoding(codepage).codepoints;
    codepointsByPage.set(codepage, codepoints);
  }
  return codepoints;
}

// The library's own loop, unchanged: one byte per UTF-16 position, '?' where the page has no
// such character.
CodepageEncoder.encode = (input, codepage) => {
  const codepoints = codepointsOf(codepage);
  const output = new Uint8Array(input.length);
  for (let c = 0; c < input.length; c++) {
    const position = codepoints.indexOf(input.codePointAt(c) ?? -1);
    output[c] = position === -1 ? 0x3f : position;
  }
  return output;
};
