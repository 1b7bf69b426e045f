/** The public portal's year and unit choice: published years only, the plan's region and its county-level units. */
import { Flex, Select } from 'antd';
import type { PortalInfo } from './publicApi';
import type { PortalSelection } from './usePortalSelection';

export function PortalSelects({ info, selection }: { info: PortalInfo; selection: PortalSelection }) {
  return (
    <Flex wrap gap={8} style={{ marginLeft: 'auto' }}>
      <Select<number>
        aria-label="年度"
        data-testid="public-year"
        style={{ width: 120 }}
        value={selection.year ?? undefined}
        onChange={selection.setYear}
        options={[...info.years].reverse().map((y) => ({ value: y, label: `${y} 年` }))}
      />
      <Select<string>
        aria-label="地区"
        data-testid="public-org"
        style={{ width: 170 }}
        value={selection.org ?? undefined}
        onChange={selection.setOrg}
        options={info.units.map((u) => ({ value: u.code, label: u.name }))}
      />
    </Flex>
  );
}
