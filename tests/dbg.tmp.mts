import { openSite } from './helpers/browser.ts';
const site = await openSite();
const page = await site.page({ viewport: { width: 320, height: 640 } });
await page.goto(site.url(process.argv[2]!));
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => {
  const W = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')].map((el) => { const r = el.getBoundingClientRect(); return { el: el.tagName + '.' + el.className + ' ' + (el.textContent ?? '').slice(0, 30), l: Math.round(r.left), r: Math.round(r.right) }; }).filter((x) => x.l < 0 || x.r > W).slice(0, 15);
}));
await site.close();
