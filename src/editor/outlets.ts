/**
 * Outlet names for source domains the legacy site often republished from.
 * Anything else gets its bare domain, which the import tool reports so an
 * editor can put the proper name in.
 */
import { distance } from 'fastest-levenshtein';

const known: Readonly<Record<string, string>> = {
  'thediplomat.com': 'The Diplomat',
  'aljazeera.com': 'Al Jazeera',
  'bbc.com': 'BBC',
  'bbc.co.uk': 'BBC',
  'theguardian.com': 'The Guardian',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'foreignpolicy.com': 'Foreign Policy',
  'foreignaffairs.com': 'Foreign Affairs',
  'reuters.com': 'Reuters',
  'apnews.com': 'Associated Press',
  'dw.com': 'Deutsche Welle',
  'rferl.org': 'Radio Free Europe/Radio Liberty',
  'azadiradio.com': 'Radio Azadi',
  'tolonews.com': 'TOLOnews',
  'pajhwok.com': 'Pajhwok Afghan News',
  'khaama.com': 'Khaama Press',
  'eurasianet.org': 'Eurasianet',
  'counterpunch.org': 'CounterPunch',
  'globalresearch.ca': 'Global Research',
  'wsws.org': 'World Socialist Web Site',
  'monthlyreview.org': 'Monthly Review',
  'jacobin.com': 'Jacobin',
  'thenation.com': 'The Nation',
  'lemonde.fr': 'Le Monde',
  'spiegel.de': 'Der Spiegel',
  'afghanistan-analysts.org': 'Afghanistan Analysts Network',
};

export interface Outlet {
  readonly name: string;
  /** False when the name is only the tidied domain. */
  readonly known: boolean;
  /** For an unknown domain a letter or two away from a known one (a typo in the export): that outlet. */
  readonly nearest?: { readonly domain: string; readonly name: string };
}

/**
 * The outlet behind a URL: a known name, else the domain without `www.`.
 * @example outletOf('https://www.thediplomat.com/2017/01/x/') // { name: 'The Diplomat', known: true }
 * @example outletOf('http://example.org/a') // { name: 'example.org', known: false }
 */
export function outletOf(url: string): Outlet {
  const host = new URL(url).hostname.toLowerCase().replace(/^(www\d?|m|amp)\./, '');
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const name = known[h];
    if (name) return { name, known: true };
  }
  const nearest = Object.entries(known).find(([domain]) => host !== domain && looksMistyped(host, domain));
  return nearest ? { name: host, known: false, nearest: { domain: nearest[0], name: nearest[1] } } : { name: host, known: false };
}

/**
 * Whether `host` reads like a typo of the known `domain`: one edit per six
 * letters, at most two, and only for names of five letters or more, since
 * short ones sit close to real outlets (rt.com is two edits from dw.com,
 * abc.com one from bbc.com).
 */
function looksMistyped(host: string, domain: string): boolean {
  const name = domain.split('.')[0]!;
  if (name.length < 5) return false;
  return distance(host, domain) <= Math.min(2, Math.floor(domain.length / 6));
}

