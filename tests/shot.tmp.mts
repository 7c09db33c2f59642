import { openSite } from './helpers/browser.ts';
const site = await openSite();
// usage: name path width height scrollY [dark]
const [name, path, w, h, y, dark] = process.argv.slice(2);
const page = await site.page({ viewport: { width: Number(w), height: Number(h) }, colorScheme: dark ? 'dark' : 'light' });
await page.goto(site.url(path!), { waitUntil: 'networkidle' });
await page.evaluate(() => document.fonts.ready);
await page.evaluate((y) => scrollTo(0, y), Number(y));
await page.waitForTimeout(200);
await page.screenshot({ path: `/tmp/crops/${name}.png` });
await site.close();
