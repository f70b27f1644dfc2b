/**
 * Just enough XML for spreadsheet parts: a streaming scanner over elements and text, with namespace
 * prefixes dropped from element and attribute names (`x:c` → `c`, `r:id` → `id`). No DTDs, no external
 * entities: only the five predefined entities and character references are expanded.
 */

export interface XmlHandler {
  open?(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export class XmlError extends Error {}

const entities: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return entities[body] ?? match;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[ch]};`);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const attributePattern = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Walks the document, calling the handler for each start tag, end tag and run of text. Throws XmlError. */
export function scanXml(xml: string, handler: XmlHandler): void {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > at && handler.text) handler.text(decodeEntities(xml.slice(at, textEnd)));
    if (lt < 0) return;

    if (xml.startsWith('<!--', lt)) {
      at = skipPast(xml, '-->', lt);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) throw new XmlError('Unclosed CDATA section');
      handler.text?.(xml.slice(lt + 9, end));
      at = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      at = skipPast(xml, '?>', lt);
    } else if (xml.startsWith('<!', lt)) {
      throw new XmlError('Document type declarations are not accepted');
    } else {
      const gt = tagEnd(xml, lt);
      const tag = xml.slice(lt + 1, gt);
      if (tag.startsWith('/')) {
        handler.close?.(localName(tag.slice(1).trim()));
      } else {
        const selfClosing = tag.endsWith('/');
        const body = selfClosing ? tag.slice(0, -1) : tag;
        const nameEnd = body.search(/\s|$/);
        const name = localName(body.slice(0, nameEnd));
        if (name === '') throw new XmlError('Empty tag name');
        const attributes: Record<string, string> = {};
        for (const match of body.slice(nameEnd).matchAll(attributePattern)) {
          const attribute = match[1]!;
          if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
          attributes[localName(attribute)] = decodeEntities(match[2] ?? match[3] ?? '');
        }
        handler.open?.(name, attributes, selfClosing);
        if (selfClosing) handler.close?.(name);
      }
      at = gt + 1;
    }
  }
}

/** The index of the `>` closing the tag that starts at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i]!;
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i;
    }
  }
  throw new XmlError('Unclosed tag');
}

function skipPast(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) throw new XmlError(`Missing ${terminator}`);
  return end + terminator.length;
}
