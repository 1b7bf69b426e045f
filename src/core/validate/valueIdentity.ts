/** What makes a data value one value: indicator × unit × year × sex × area × age group. */
export interface ValueIdentity {
  indicator: string;
  orgUnit: string;
  year: number;
  sex: string;
  area: string;
  ageGroup: string;
}
