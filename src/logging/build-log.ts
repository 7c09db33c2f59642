/**
 * The build's log, as Astro's own terminal logger writes it, with the pages
 * an incremental build kept from the last build summed up in one line
 * instead of two log calls each. At 10,000 articles a build that adds one
 * article renders a few hundred pages and keeps about 27,000: their
 * "├─ /fa/…/index.html (cached)" lines were most of the log, hid the pages
 * that did change, and cost a timestamp format and a terminal write each.
 *
 * Wired in `astro.config.mjs` as Astro 7's `logger` setting (the Logger API:
 * a module whose default export returns an `AstroLoggerDestination`). Every
 * other message, level filtering and `--silent` are Astro's own.
 */
import type { AstroLoggerDestination, AstroLoggerLevel, AstroLoggerMessage } from 'astro';
import nodeDestination from 'astro/logger/node';

/** A page line of "generating static routes": Astro writes the path first, without a newline, then its ending. */
const PAGE_LINE = /[├└]─/;
/** The ending Astro writes for a page it did not render (kept in dist/, or restored from its cache). */
const KEPT_ENDING = /\((?:cached|restored)\)/;

/**
 * A log destination that writes through `inner` (Astro's terminal logger by
 * default) and replaces each kept page's two messages with a count, written
 * as one line before the next message that is not a page line (the end of
 * page generation).
 * @example keptPagesLog().write({ level: 'info', label: null, message: '  ├─ /a/index.html', newLine: false })
 */
export function keptPagesLog(inner: AstroLoggerDestination): AstroLoggerDestination {
  let pending: AstroLoggerMessage | undefined;
  let kept = 0;
  return {
    ...inner,
    write(event) {
      if (pending) {
        const page = pending;
        pending = undefined;
        if (event.label === 'SKIP_FORMAT' && KEPT_ENDING.test(event.message)) {
          kept++;
          return;
        }
        inner.write(page);
        inner.write(event);
        return;
      }
      if (!event.newLine && PAGE_LINE.test(event.message)) {
        pending = event;
        return;
      }
      if (kept > 0) {
        inner.write({ level: 'info', label: 'SKIP_FORMAT', message: `  └─ ${kept} unchanged page(s) kept from the last build`, newLine: true });
        kept = 0;
      }
      inner.write(event);
    },
  };
}

/** The `logger` entrypoint: Astro's terminal logger (`astro/logger/node`) with kept pages summed up. */
export default function buildLog(options: { level?: AstroLoggerLevel } = {}): AstroLoggerDestination {
  return keptPagesLog(nodeDestination(options));
}
