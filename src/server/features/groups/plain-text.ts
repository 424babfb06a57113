/**
 * Message bodies and library summaries are plain text: every tag is removed (with the content of script and
 * style elements), entities are decoded back to characters, line breaks are kept. The pages show the text as
 * text (React escapes it), so nothing a member writes is ever interpreted as HTML.
 */
import sanitizeHtml from 'sanitize-html';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

export function toPlainText(input: string): string {
  const stripped = sanitizeHtml(input, {
    allowedTags: [],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object'],
  });
  return stripped
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\r\n?/g, '\n')
    .trim();
}
