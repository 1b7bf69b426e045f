/**
 * Compact identities of values (indicator × unit × year × sex × area × age group) for finding
 * duplicate rows in a file of a million rows: a number where it fits, which takes a fraction of
 * the memory of a string key.
 */
const SEXES: Record<string, number> = { total: 0, male: 1, female: 2 };
const AREAS: Record<string, number> = { total: 0, urban: 1, rural: 2 };
const SEX_NAMES = ['total', 'male', 'female'];
const AREA_NAMES = ['total', 'urban', 'rural'];
const YEARS = 101;
const AGE_SLOTS = 1024;

export interface KeyParts {
  indicator: string;
  orgUnit: string;
  year: number;
  sex: string;
  area: string;
  ageGroup: string;
}

export class RowKeys {
  private readonly indicators: Map<string, number>;
  private readonly orgs: Map<string, number>;
  private readonly ages = new Map<string, number>([['total', 0]]);
  private readonly numeric: boolean;

  constructor(
    private readonly indicatorCodes: readonly string[],
    private readonly orgCodes: readonly string[],
    firstYear = 2000,
  ) {
    this.indicators = new Map(indicatorCodes.map((c, i) => [c, i]));
    this.orgs = new Map(orgCodes.map((c, i) => [c, i]));
    this.firstYear = firstYear;
    this.numeric = indicatorCodes.length * orgCodes.length * YEARS * 9 * AGE_SLOTS < Number.MAX_SAFE_INTEGER;
  }

  private readonly firstYear: number;

  /** True when keys are numbers, so that the arithmetic helpers below apply. */
  get isNumeric(): boolean {
    return this.numeric;
  }

  private get perOrg(): number {
    return YEARS * 9 * AGE_SLOTS;
  }

  /** The key of the same value one year earlier, or null before the first year. */
  previousYear(key: number): number | null {
    const year = Math.floor(key / (9 * AGE_SLOTS)) % YEARS;
    return year === 0 ? null : key - 9 * AGE_SLOTS;
  }

  /** The unit index the key belongs to (the order of the codes given to the constructor). */
  orgIndex(key: number): number {
    return Math.floor(key / this.perOrg) % this.orgs.size;
  }

  indicatorIndex(key: number): number {
    return Math.floor(Math.floor(key / this.perOrg) / this.orgs.size);
  }

  /** The parts a numeric key was made of. */
  parts(key: number): KeyParts {
    const age = key % AGE_SLOTS;
    let rest = Math.floor(key / AGE_SLOTS);
    const area = rest % 3;
    rest = Math.floor(rest / 3);
    const sex = rest % 3;
    rest = Math.floor(rest / 3);
    const year = rest % YEARS;
    rest = Math.floor(rest / YEARS);
    const org = rest % this.orgs.size;
    const ind = Math.floor(rest / this.orgs.size);
    return {
      indicator: this.indicatorCodes[ind] ?? '',
      orgUnit: this.orgCodes[org] ?? '',
      year: this.firstYear + year,
      sex: SEX_NAMES[sex] ?? 'total',
      area: AREA_NAMES[area] ?? 'total',
      ageGroup: [...this.ages.keys()][age] ?? 'total',
    };
  }

  /** The same value at another unit. */
  atOrg(key: number, orgIndex: number): number {
    const perOrg = this.perOrg;
    const indOrg = Math.floor(key / perOrg);
    const ind = Math.floor(indOrg / this.orgs.size);
    return (ind * this.orgs.size + orgIndex) * perOrg + (key % perOrg);
  }

  /** The identity of a value; the same parts always give the same key. */
  key(p: KeyParts): number | string {
    const ind = this.indicators.get(p.indicator);
    const org = this.orgs.get(p.orgUnit);
    let age = this.ages.get(p.ageGroup);
    if (age === undefined && this.ages.size < AGE_SLOTS) {
      age = this.ages.size;
      this.ages.set(p.ageGroup, age);
    }
    const year = p.year - this.firstYear;
    const sex = SEXES[p.sex];
    const area = AREAS[p.area];
    if (!this.numeric || ind === undefined || org === undefined || age === undefined || sex === undefined || area === undefined || year < 0 || year >= YEARS) {
      return `${p.indicator}\u0001${p.orgUnit}\u0001${p.year}\u0001${p.sex}\u0001${p.area}\u0001${p.ageGroup}`;
    }
    return ((((ind * this.orgs.size + org) * YEARS + year) * 3 + sex) * 3 + area) * AGE_SLOTS + age;
  }
}
