/** 「历史」 of one value: the current version, every earlier one (who, when, from what to what, why), and the submission's steps. */
import { Descriptions, Divider, Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import { ErrorAlert } from '../ErrorAlert';
import type { StoredValue } from '../../hooks/useEntryForm';
import { useValueHistory, type ValueRef, type ValueVersion } from '../../hooks/useValueHistory';
import { dateTime } from '../../utils/format';
import { EventsTimeline } from './EventsTimeline';
import { shortNumber } from './entryModel';

export interface HistoryTarget extends ValueRef {
  /** “新生儿死亡率 · 梨树县 · 合计 · 2025 年” */
  title: string;
  unit: string;
}

type Figures = Pick<StoredValue, 'value' | 'numerator' | 'denominator' | 'source' | 'note'>;

function figure(v: Figures | null, unit: string): string {
  if (!v || v.value === null) return '(空)';
  const parts = `${shortNumber(v.value, 4)}${unit === '%' || unit === '‰' ? unit : ` ${unit}`}`;
  return v.numerator !== null && v.denominator !== null
    ? `${parts}(${shortNumber(v.numerator, 4)}/${shortNumber(v.denominator, 4)})`
    : parts;
}

function sourceChange(before: Figures, after: Figures | null): string | null {
  const changes: string[] = [];
  if ((before.source ?? '') !== (after?.source ?? '')) changes.push(`来源:${before.source || '(空)'} → ${after?.source || '(空)'}`);
  if ((before.note ?? '') !== (after?.note ?? '')) changes.push(`备注:${before.note || '(空)'} → ${after?.note || '(空)'}`);
  return changes.length > 0 ? changes.join(';') : null;
}

function Versions({ current, versions, unit }: { current: StoredValue | null; versions: ValueVersion[]; unit: string }) {
  if (versions.length === 0) return <Typography.Text type="secondary">没有修改记录:当前数值是第一次填报的。</Typography.Text>;
  return (
    <Timeline
      data-testid="value-versions"
      items={versions.map((v, i) => {
        const next: Figures | null = i === 0 ? current : (versions[i - 1] ?? null);
        const other = sourceChange(v, next);
        return {
          key: i,
          color: 'blue',
          content: (
            <div>
              <div>
                <b>{v.replacedBy}</b> 于 {dateTime(v.replacedAt)} 将数值由 <b>{figure(v, unit)}</b> 改为 <b>{figure(next, unit)}</b>
              </div>
              {other && <div style={{ fontSize: 12 }}>{other}</div>}
              <div>原因:{v.reason || '(未填写)'}</div>
              <div style={{ fontSize: 12, color: '#666' }}>
                原数值由 {v.by} 于 {dateTime(v.at)} 填报
              </div>
            </div>
          ),
        };
      })}
    />
  );
}

export function HistoryDrawer({ target, onClose }: { target: HistoryTarget | null; onClose(): void }) {
  const ref: ValueRef | null = target
    ? { indicator: target.indicator, org: target.org, year: target.year, sex: target.sex, area: target.area, ageGroup: target.ageGroup }
    : null;
  const { data, loading, error, reload } = useValueHistory(ref);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={560}
      title={target ? `历史:${target.title}` : '历史'}
      destroyOnHidden
      data-testid="history-drawer"
      closable={{ 'aria-label': '关闭' }}
    >
      <ErrorAlert error={error} retry={reload} />
      {loading && !data ? (
        <Spin />
      ) : data && target ? (
        <>
          <Typography.Title level={5}>当前数值</Typography.Title>
          {data.current ? (
            <Descriptions size="small" column={1} bordered data-testid="history-current">
              <Descriptions.Item label="数值">{figure(data.current, target.unit)}</Descriptions.Item>
              <Descriptions.Item label="来源">{data.current.source || '—'}</Descriptions.Item>
              <Descriptions.Item label="备注">{data.current.note || '—'}</Descriptions.Item>
              <Descriptions.Item label="填报">
                {data.current.updatedBy} · {dateTime(data.current.updatedAt)}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未填报" />
          )}
          <Divider titlePlacement="start">修改记录</Divider>
          <Versions current={data.current} versions={data.versions} unit={target.unit} />
          <Divider titlePlacement="start">提交与审核</Divider>
          <EventsTimeline events={data.events} />
        </>
      ) : null}
    </Drawer>
  );
}
