/**
 * The Node.js floor, checked first by every npm script
 * (`node scripts/require-node.cjs && …` in package.json).
 *
 * The floor is `engines.node` in package.json, the one place that states it.
 * The project runs its .ts scripts with plain `node` (type stripping), which
 * Node has done without a flag since 22.18 and 23.6; an older Node stops with
 * a stack trace (ERR_UNKNOWN_FILE_EXTENSION) or with an obscure Astro error.
 * This file says so in one line instead, so it must itself run on any old
 * Node: CommonJS, no TypeScript, no dependencies, no syntax newer than ES5.
 *
 * Exits 0 when the running Node satisfies the floor, else prints one line to
 * stderr and exits 1.
 */
'use strict';

var fs = require('fs');
var path = require('path');

var DOWNLOAD = 'https://nodejs.org/en/download';

/** "22.18.3" or "v22.18" → [22, 18, 3]; undefined for anything else. */
function parseVersion(text) {
  var m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(text).trim());
  return m ? [Number(m[1]), Number(m[2] || 0), Number(m[3] || 0)] : undefined;
}

function compare(a, b) {
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/**
 * The alternatives of an `engines.node` range in the two forms this project
 * uses, `>=X.Y.Z` and `^X.Y.Z` (same major, at least X.Y.Z), joined by `||`.
 * Throws on any other form, so a change to package.json cannot silently
 * turn the guard off.
 * @example parseRange('^22.18.0 || >=23.6.0') // [{ op: '^', min: [22, 18, 0] }, { op: '>=', min: [23, 6, 0] }]
 */
function parseRange(range) {
  return String(range).split('||').map(function (part) {
    var m = /^\s*(>=|\^)\s*(v?\d+(?:\.\d+){0,2})\s*$/.exec(part);
    var min = m && parseVersion(m[2]);
    if (!min) throw new Error('scripts/require-node.cjs understands engines.node ranges like "^22.18.0 || >=23.6.0", not "' + range + '"');
    return { op: m[1], min: min };
  });
}

/**
 * Whether `version` (such as process.versions.node) is inside `range`.
 * @example satisfies('22.12.0', '^22.18.0 || >=23.6.0') // false
 */
function satisfies(version, range) {
  var v = parseVersion(version);
  if (!v) return false;
  return parseRange(range).some(function (alt) {
    return compare(v, alt.min) >= 0 && (alt.op === '>=' || v[0] === alt.min[0]);
  });
}

/**
 * The range in words: "22.18 or a later 22.x, or 23.6 or later".
 * @example describeRange('>=22.18.0') // '22.18 or later'
 */
function describeRange(range) {
  return parseRange(range).map(function (alt) {
    var shown = alt.min[0] + '.' + alt.min[1] + (alt.min[2] ? '.' + alt.min[2] : '');
    return alt.op === '>=' ? shown + ' or later' : shown + ' or a later ' + alt.min[0] + '.x';
  }).join(', or ');
}

/**
 * The one line to print when `version` is below the floor, else undefined.
 * @example problem('20.19.0', '>=22.18.0') // 'This project needs Node.js 22.18 or later; this is Node.js 20.19.0. …'
 */
function problem(version, range) {
  if (satisfies(version, range)) return undefined;
  return 'This project needs Node.js ' + describeRange(range) + '; this is Node.js ' + version + '. ' +
    'Install the current LTS from ' + DOWNLOAD + ' (or `nvm install --lts`), then run the command again.';
}

/** `engines.node` from the package.json next to this folder. */
function floor() {
  var manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  return manifest.engines && manifest.engines.node;
}

module.exports = { parseRange: parseRange, satisfies: satisfies, describeRange: describeRange, problem: problem, floor: floor };

if (require.main === module) {
  var message = problem(process.versions.node, floor());
  if (message) {
    process.stderr.write(message + '\n');
    process.exit(1);
  }
}
