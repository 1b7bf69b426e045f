/**
 * 指标详情: one indicator at one unit for a year — targets, series with projection and required path,
 * the outlook in words, values with sources, breakdowns, the counties (bar chart and map) and the way
 * down to townships and villages. Reached from the indicator list and the overview's tiles; the
 * year, unit and data kind are kept in the address (?year=&org=&data=).
 */
import { useCallback } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Breadcrumb, Card, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useUser } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { IndicatorView } from '../components/indicator/IndicatorView';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect';
import { YearSelect } from '../components/YearSelect';
import { useIndicatorPage, type FigureData } from '../hooks/useIndicatorPage';
import { useYear } from '../hooks/useYear';

const UNIT_LEVELS = ['province', 'city', 'county', 'township'] as const;

export default function IndicatorPage() {
  const { code = '' } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const choice = useYear();
  const org = params.get('org') || user.orgUnitCode;
  // Unapproved figures are the statistics bureau's to look at (as the API allows).
  const mayUseAll = user.role === 'admin' || user.role === 'monitor';
  const data: FigureData = mayUseAll && params.get('data') === 'all' ? 'all' : 'approved';
  const { data: page, loading, error } = useIndicatorPage(code, choice.year, org, data);

  const setParam = useCallback(
    (key: string, value: string) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set(key, value);
        return next;
      }),
    [setParams],
  );
  const openUnit = useCallback((unit: string) => setParam('org', unit), [setParam]);
  const ancestors = page?.ancestors ?? [];
  // The way back up goes only as far as the user's own unit.
  const mine = ancestors.findIndex((u) => u.code === user.orgUnitCode);
  const reachable = mine < 0 ? [] : ancestors.slice(mine);

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex vertical gap={8}>
          <Breadcrumb
            items={[
              { title: <Link to={`/indicators?${params.toString()}`}>监测指标</Link> },
              ...reachable.map((u) => ({ title: <a onClick={() => openUnit(u.code)}>{u.name}</a> })),
              { title: page?.orgUnit.name ?? org },
            ]}
          />
          <Flex wrap gap={12} align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="indicator-name">
              {page ? `${page.indicator.name}(${page.indicator.unit})` : '指标详情'}
            </Typography.Title>
            <Flex wrap gap={8} style={{ marginLeft: 'auto' }} align="center">
              <OrgUnitTreeSelect value={org} onChange={(v) => v && openUnit(v)} levels={UNIT_LEVELS} />
              <YearSelect choice={choice} />
              {mayUseAll && (
                <Segmented
                  aria-label="数据范围"
                  data-testid="data-kind"
                  value={data}
                  onChange={(v) => setParam('data', String(v))}
                  options={[
                    { value: 'approved', label: '已批准数据' },
                    { value: 'all', label: '含未批准数据' },
                  ]}
                />
              )}
              <a onClick={() => navigate(-1)}>返回</a>
            </Flex>
          </Flex>
        </Flex>
      </Card>
      {error && <ErrorAlert error={error} />}
      {loading && !page && <Skeleton active />}
      {page && <IndicatorView page={page} showMap onOpenUnit={openUnit} />}
    </Flex>
  );
}
