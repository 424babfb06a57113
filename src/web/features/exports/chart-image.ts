/**
 * A dashboard chart taken out as a PNG (issue 14, item 7): the chart as ECharts draws it, with its title above and,
 * below, the citation and the designations disclaimer of the terms of use (the names and boundaries shown imply no
 * position on the legal status of any country or territory), so an image that leaves the platform carries them.
 */

/** The chart is drawn at twice its size on screen (sharper when printed); the words around it follow. */
const SCALE = 2;
const PAD = 16 * SCALE;
const TITLE_FONT = `bold ${16 * SCALE}px sans-serif`;
const TITLE_LINE = 24 * SCALE;
const NOTE_FONT = `${12 * SCALE}px sans-serif`;
const NOTE_LINE = 16 * SCALE;

function loadImage(source: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn'));
    image.src = source;
  });
}

/** Splits a text into lines no wider than `width` on the canvas. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function downloadChartImage(
  chartImage: string,
  text: { title: string; notes: string[]; fileName: string },
): Promise<void> {
  const image = await loadImage(chartImage);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('The chart could not be drawn');
  const width = Math.max(image.width, 480 * SCALE);
  context.font = NOTE_FONT;
  const notes = text.notes.flatMap((note) => wrap(context, note, width - 2 * PAD));
  canvas.width = width;
  canvas.height = PAD + TITLE_LINE + image.height + PAD + notes.length * NOTE_LINE + PAD;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#212529';
  context.font = TITLE_FONT;
  context.fillText(text.title, PAD, PAD + 16 * SCALE);
  context.drawImage(image, 0, PAD + TITLE_LINE);
  context.fillStyle = '#495057';
  context.font = NOTE_FONT;
  notes.forEach((line, index) =>
    context.fillText(line, PAD, PAD + TITLE_LINE + image.height + PAD + (index + 1) * NOTE_LINE),
  );
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The chart could not be drawn');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = text.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
