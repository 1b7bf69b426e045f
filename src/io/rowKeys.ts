/**
 * Compact identities of values (indicator × unit × year × sex × area × age group) for finding
 * duplicate rows in a file of a million rows. Where the plan and hierarchy are small enough the
 * key of an all-ages value is a small integer, which a Map holds and hashes fastest; other age
 * groups get higher numbers; codes the keys cannot number fall back to text.
 */
import type { ValueIdentity } from '../core/validate/valueIdentity.js';

const SEXES: Record<string, number> = { total: 0, male: 1, female: 2 };
const AREAS: Record<string, number> = { total: 0, urban: 1, rural: 2 };
const SEX_NAMES = ['total', 'male', 'female'];
const AREA_NAMES = ['total', 'urban', 'rural'];
const YEARS = 101;
const AGE_SLOTS = 1024;

export type KeyParts = ValueIdentity;

export class RowKeys {
  private readonly indicators: Map<string, number>;
  private readonly orgs: Map<string, number>;
  private readonly ages = new Map<string, number>([['total', 0]]);
  private readonly ageNames = ['total'];
  /** Keys of one age group: indicator × unit × year × 9 disaggregations. */
  private readonly space: number;
  private readonly numeric: boolean;

  constructor(
    private readonly indicatorCodes: readonly string[],
    private readonly orgCodes: readonly string[],
    private readonly firstYear = 2000,
  ) {
    this.indicators = new Map(indicatorCodes.map((c, i) => [c, i]));
    this.orgs = new Map(orgCodes.map((c, i) => [c, i]));
    this.space = indicatorCodes.length * orgCodes.length * YEARS * 9;
    this.numeric = this.space * AGE_SLOTS < Number.MAX_SAFE_INTEGER;
  }

  /** True when keys are numbers, so that the arithmetic helpers below apply. */
  get isNumeric(): boolean {
    return this.numeric;
  }

  /** The identity of a value; the same parts always give the same key. */
  key(p: KeyParts): number | string {
    const ind = this.indicators.get(p.indicator);
    const org = this.orgs.get(p.orgUnit);
    const age = this.ageIndex(p.ageGroup);
    const year = p.year - this.firstYear;
    const sex = SEXES[p.sex];
    const area = AREAS[p.area];
    if (
      !this.numeric ||
      ind === undefined ||
      org === undefined ||
      age === undefined ||
      sex === undefined ||
      area === undefined ||
      year < 0 ||
      year >= YEARS
    ) {
      return `${p.indicator}\u0001${p.orgUnit}\u0001${p.year}\u0001${p.sex}\u0001${p.area}\u0001${p.ageGroup}`;
    }
    return age * this.space + ((ind * this.orgs.size + org) * YEARS + year) * 9 + sex * 3 + area;
  }

  /** The key of the same value one year earlier, or null before the first year. */
  previousYear(key: number): number | null {
    const year = Math.floor((key % this.space) / 9) % YEARS;
    return year === 0 ? null : key - 9;
  }

  /** The unit index the key belongs to (the order of the codes given to the constructor). */
  orgIndex(key: number): number {
    return Math.floor((key % this.space) / (9 * YEARS)) % this.orgs.size;
  }

  indicatorIndex(key: number): number {
    return Math.floor((key % this.space) / (9 * YEARS * this.orgs.size));
  }

  /** The indicator code and year of any key, numeric or text. */
  indicatorYear(key: number | string): [string, number] {
    if (typeof key === 'string') {
      const [indicator = '', , year = '0'] = key.split('\u0001');
      return [indicator, Number(year)];
    }
    return [this.indicatorCodes[this.indicatorIndex(key)] ?? '', this.firstYear + (Math.floor((key % this.space) / 9) % YEARS)];
  }

  /** The same value at another unit. */
  atOrg(key: number, orgIndex: number): number {
    return key + (orgIndex - this.orgIndex(key)) * 9 * YEARS;
  }

  /** The parts a numeric key was made of. */
  parts(key: number): KeyParts {
    const within = key % this.space;
    const area = within % 3;
    const sex = Math.floor(within / 3) % 3;
    const year = Math.floor(within / 9) % YEARS;
    return {
      indicator: this.indicatorCodes[this.indicatorIndex(key)] ?? '',
      orgUnit: this.orgCodes[this.orgIndex(key)] ?? '',
      year: this.firstYear + year,
      sex: SEX_NAMES[sex] ?? 'total',
      area: AREA_NAMES[area] ?? 'total',
      ageGroup: this.ageNames[Math.floor(key / this.space)] ?? 'total',
    };
  }

  private ageIndex(ageGroup: string): number | undefined {
    const known = this.ages.get(ageGroup);
    if (known !== undefined || this.ages.size >= AGE_SLOTS) return known;
    const index = this.ages.size;
    this.ages.set(ageGroup, index);
    this.ageNames.push(ageGroup);
    return index;
  }
}
