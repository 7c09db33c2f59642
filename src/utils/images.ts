/**
 * What the pages need to know about an article's pictures: the widths the
 * image service makes (fitted to the text column), the `sizes` that tells
 * the browser how wide the column is. The pictures themselves: `pictures.ts`.
 */
/**
 * How wide a picture is shown: the text column, `--measure` (42rem) on a
 * wide screen, the screen less the page's side padding (2 × 1rem) on a
 * phone. Kept in step with `styles/tokens.css` and `.container`.
 */
export const COLUMN_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

/**
 * Widths made for the column, in CSS pixels × 1, 1.5, 2 and 3 of a phone
 * (360, 540, 720, 1080) and 2 × the column on a wide screen (1344). Never
 * wider than the original: the service does not enlarge.
 * @example columnWidths(1600) // [360, 540, 720, 1080, 1344]
 * @example columnWidths(800) // [360, 540, 720, 800]
 */
export function columnWidths(originalWidth: number): number[] {
  const widths = [360, 540, 720, 1080, 1344].filter((w) => w < originalWidth);
  if (originalWidth <= 1344) widths.push(originalWidth);
  return widths;
}

/** The width of the fallback `<img>`'s one file (and of its `width` attribute): the column at 2×, or the original if smaller. */
export const fallbackWidth = (originalWidth: number): number => Math.min(originalWidth, 1344);
