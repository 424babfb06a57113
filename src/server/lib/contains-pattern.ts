/** A LIKE pattern that matches the text literally anywhere (%, _ and \ in the text lose their meaning). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
