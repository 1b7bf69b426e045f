import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Feature {
  type: string;
  id: string;
  properties: { code: string; name: string; cp: [number, number] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

const map = JSON.parse(readFileSync(new URL('../../web/src/maps/siping.geo.json', import.meta.url), 'utf8')) as {
  type: string;
  features: Feature[];
};

function rings(f: Feature): number[][][] {
  return f.geometry.type === 'Polygon' ? (f.geometry.coordinates as number[][][]) : (f.geometry.coordinates as number[][][][]).flat();
}

describe('the committed map of Siping', () => {
  it('has exactly the five county-level units of Siping since 2020, without 公主岭市', () => {
    expect(map.type).toBe('FeatureCollection');
    expect(map.features.map((f) => [f.id, f.properties.code, f.properties.name])).toEqual([
      ['220302', '220302', '铁西区'],
      ['220303', '220303', '铁东区'],
      ['220322', '220322', '梨树县'],
      ['220323', '220323', '伊通满族自治县'],
      ['220382', '220382', '双辽市'],
    ]);
    expect(JSON.stringify(map)).not.toContain('公主岭');
    expect(map.features.some((f) => f.id === '220381')).toBe(false);
  });

  it('draws each unit as closed rings of plain longitudes and latitudes in Siping', () => {
    for (const f of map.features) {
      expect(f.type).toBe('Feature');
      for (const ring of rings(f)) {
        expect(ring.length).toBeGreaterThan(100);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lon, lat] of ring) {
          // Siping lies at about 122.9–125.8 E, 42.8–44.3 N.
          expect(lon).toBeGreaterThan(122.5);
          expect(lon).toBeLessThan(126.5);
          expect(lat).toBeGreaterThan(42.5);
          expect(lat).toBeLessThan(44.5);
        }
      }
    }
  });
});
