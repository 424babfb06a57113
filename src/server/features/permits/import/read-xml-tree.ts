/**
 * An XML document read safely into a small element tree (local names, namespace, text, line), for the permit
 * importer. Safety, because a permit file comes from outside the platform:
 *   - no document type declaration at all: a DOCTYPE is where entity definitions (the "billion laughs" bomb) and
 *     external entities (file or network reads) live, and a CITESEPermit document never needs one; the parser
 *     (saxes) neither fetches nor expands anything, and an entity it does not know is an error;
 *   - a size limit on the bytes, a depth limit and an element limit, so a document cannot make the tree huge;
 *   - a malformed document is refused with the line and the element at fault.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  namespace: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
  line: number;
}

export const XML_MAX_BYTES = 64 * 1024 * 1024;
const MAX_DEPTH = 64;
const MAX_ELEMENTS = 5_000_000;

export class XmlRefusedError extends Error {
  constructor(
    readonly reason: 'too_large' | 'doctype' | 'malformed' | 'too_deep' | 'too_many_elements',
    readonly line: number,
    readonly element: string | null,
    detail: string,
  ) {
    super(detail);
  }
}

export function readXmlTree(bytes: Buffer, maxBytes = XML_MAX_BYTES): XmlElement {
  if (bytes.length > maxBytes)
    throw new XmlRefusedError('too_large', 0, null, `the document is larger than ${maxBytes} bytes`);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  let failure: XmlRefusedError | null = null;
  const current = () => stack[stack.length - 1]?.name ?? null;
  const fail = (error: XmlRefusedError) => {
    failure ??= error;
    throw error;
  };

  // Security: refuse the declaration itself, before anything in it could be used (entities, external subsets).
  parser.on('doctype', () =>
    fail(
      new XmlRefusedError(
        'doctype',
        parser.line,
        current(),
        'a document type declaration (DOCTYPE) is not allowed',
      ),
    ),
  );
  parser.on('opentag', (tag) => {
    elements += 1;
    if (elements > MAX_ELEMENTS)
      fail(
        new XmlRefusedError(
          'too_many_elements',
          parser.line,
          tag.local,
          'the document has too many elements',
        ),
      );
    if (stack.length >= MAX_DEPTH)
      fail(new XmlRefusedError('too_deep', parser.line, tag.local, 'the document is nested too deeply'));
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.local] = attribute.value;
    const element: XmlElement = {
      name: tag.local,
      namespace: tag.uri,
      attributes,
      text: '',
      children: [],
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('cdata', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    fail(new XmlRefusedError('malformed', parser.line, current(), cleanMessage(error.message)));
  });

  try {
    parser.write(new TextDecoder('utf-8', { fatal: false }).decode(bytes)).close();
  } catch (error) {
    if (failure) throw failure;
    throw new XmlRefusedError('malformed', parser.line, current(), cleanMessage(String(error)));
  }
  if (failure) throw failure;
  if (root === null) throw new XmlRefusedError('malformed', parser.line, null, 'the document has no element');
  return root;
}

/** saxes prefixes its messages with the position; the error carries the line itself. */
function cleanMessage(message: string): string {
  return message.replace(/^(?:[^:\s]*:)?\d+:\d+: /, '');
}

/** The children of an element with this local name. */
export const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element ? element.children.filter((child) => child.name === name) : [];

/** The first element down a path of local names, or undefined. */
export function at(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let node = element;
  for (const name of path) node = node?.children.find((child) => child.name === name);
  return node;
}

/** The trimmed text at a path, or null when the element is missing or empty. */
export function textAt(element: XmlElement | undefined, ...path: string[]): string | null {
  const text = at(element, ...path)?.text.trim();
  return text === undefined || text === '' ? null : text;
}

/** Every element with this local name, depth first. */
export function descendantsNamed(element: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (child.name === name) found.push(child);
    else descendantsNamed(child, name, found);
  }
  return found;
}
