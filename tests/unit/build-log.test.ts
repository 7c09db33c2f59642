import { describe, expect, it } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import { keptPagesLog } from '../../src/logging/build-log.ts';

const info = (label: string | null, message: string, newLine = true): AstroLoggerMessage => ({ level: 'info', label, message, newLine });

function run(events: AstroLoggerMessage[]): string {
  const written: AstroLoggerMessage[] = [];
  const log = keptPagesLog({ write: (e) => written.push(e) });
  for (const e of events) log.write(e);
  return written.map((e) => e.message + (e.newLine ? '\n' : '')).join('');
}

describe('the build log', () => {
  it('sums up kept pages in one line and keeps every rendered page and every other message', () => {
    const out = run([
      info(null, ' generating static routes '),
      info(null, '  ├─ /fa/index.html', false),
      info('SKIP_FORMAT', ' \u001b[32m(cached)\u001b[39m'),
      info(null, '  ├─ /fa/page/2/index.html', false),
      info('SKIP_FORMAT', ' \u001b[2m(+12ms)\u001b[22m '),
      info(null, '  ├─ /en/index.html', false),
      info('SKIP_FORMAT', ' \u001b[32m(restored)\u001b[39m'),
      info(null, '✓ Completed in 1.2s.'),
    ]);
    expect(out).toBe(
      [' generating static routes ', '  ├─ /fa/page/2/index.html \u001b[2m(+12ms)\u001b[22m ', '  └─ 2 unchanged page(s) kept from the last build', '✓ Completed in 1.2s.', ''].join('\n'),
    );
  });

  it('passes warnings and errors through at once, between pages', () => {
    const out = run([info(null, '  ├─ /a/index.html', false), { level: 'warn', label: 'build', message: 'careful', newLine: true }]);
    expect(out).toBe('  ├─ /a/index.html' + 'careful\n');
  });
});
