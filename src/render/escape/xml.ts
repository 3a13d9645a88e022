// XML escaping the way pfSense and OPNsense read and write config.xml.
// pfSense (src/etc/inc/xmlparse.inc):
// - descr is written as <![CDATA[ htmlentities(value) ]]>, and on load every text chunk goes through
//   html_entity_decode. So text inside our CDATA is entity-encoded exactly once.
// - Entities: & < > " become &amp; &lt; &gt; &quot;. The single quote stays literal on purpose:
//   current pfSense decodes &apos; (ENT_XML1, as its own writer encodes), but older releases decoded
//   with html_entity_decode's defaults, which leave &apos; (ENT_HTML401) and, on PHP 7 (pfSense
//   <= 2.6, ENT_COMPAT), &#039; undecoded. A literal ' is safe in CDATA and loads as ' on every version.
// - Text: XML 1.0 cannot carry C0 controls (except tab/LF/CR), lone surrogates or U+FFFE/U+FFFF, and
//   pfSense trims tabs and line breaks off every text chunk. Line breaks and tabs become one space;
//   the other control characters (C0, DEL, C1) are removed.
// OPNsense (OPNsense\Core\Config: SimpleXML in, DOMDocument out): no CDATA and no second decode;
//   text is written with & < > as entities (DOM leaves quotes literal in text) and read back by the
//   XML parser alone. Same cleaning as for pfSense: its model fields reject line breaks.

import { commentLines } from '../text.js';

const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Anything the three replacements below could change (any surrogate: a pair is checked by them),
// as the inside of a character class: the quick tests below all start from it, so a character
// cleanText learns to change is one they can never wave through.
const CLEANABLE = String.raw`\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufffe\uffff`;
const MAY_NEED_CLEANING = new RegExp(`[${CLEANABLE}]`);

/** Free text made storable in XML on one line: breaks and tabs -> space, other controls removed. */
export function cleanText(text: string): string {
  if (!MAY_NEED_CLEANING.test(text)) return text;
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(LONE_SURROGATES, '');
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// What pfEntities and opnText could change: what cleanText may change, and the characters they encode.
// Nearly every text (each rule's description, twice) has none, and one test returns it as it is.
const PF_SPECIAL = new RegExp(`[${CLEANABLE}&<>"]`);
const OPN_SPECIAL = new RegExp(`[${CLEANABLE}&<>]`);

/**
 * The text pfSense keeps inside <![CDATA[ ]]>: cleaned, then & < > " entity-encoded. Because '>' is
 * encoded, the result can never contain "]]>" and so can never end the CDATA section early.
 */
export function pfEntities(text: string): string {
  if (!PF_SPECIAL.test(text)) return text;
  return cleanText(text).replace(/[&<>"]/g, (c) => ENTITY[c]!);
}

/** A descr element's content as pfSense writes it: <![CDATA[...]]> around pfEntities(text). */
export function pfCdata(text: string): string {
  return `<![CDATA[${pfEntities(text)}]]>`;
}

/** Element text outside CDATA (pfSense: htmlentities without CDATA). Same encoding as pfEntities. */
export function xmlText(text: string): string {
  return pfEntities(text);
}

const OPN_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Element text as OPNsense writes it: cleaned, then & < > entity-encoded (no CDATA). */
export function opnText(text: string): string {
  if (!OPN_SPECIAL.test(text)) return text;
  return cleanText(text).replace(/[&<>]/g, (c) => OPN_ENTITY[c]!);
}

/**
 * One line of an XML comment: cleaned, and no "--" anywhere (XML forbids it inside a comment, and
 * "-->" would end it): every '-' followed by another '-' gets a space after it. A trailing '-' also
 * gets one, so the line can never join the closing "-->".
 */
export function xmlComment(text: string): string {
  const clean = cleanText(text);
  // Header comments have a line per forward; hardly any holds "--".
  const s = clean.includes('--') ? clean.replace(/-(?=-)/g, '- ') : clean;
  return s.endsWith('-') ? `${s} ` : s;
}

/**
 * The lines of an XML comment block (a header), each xmlComment-ed and indented by two spaces, one
 * per line, no newline after the last: one helper call instead of a template loop over 10,000 lines.
 */
export const xmlComments = commentLines((line) => `  ${xmlComment(line)}`);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the predefined XML entities and numeric references (what an XML parser does to text, and
 * what html_entity_decode does to the entities pfSense writes). Unknown named entities stay as they
 * are, like html_entity_decode leaves entities it does not know.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}
