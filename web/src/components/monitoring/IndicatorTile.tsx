/** One target of the overview as a tile coloured by its warning: value, target and status; a link to the indicator page. */
import { Link } from 'react-router-dom';
import { Tag, Typography } from 'antd';
import type { Tile } from '../../hooks/useMonitoring';
import { STATUS_TAG_COLORS, WARNING_STYLES } from './figureStyle';

export function IndicatorTile({ tile, year, href }: { tile: Tile; year: number; href: string }) {
  const style = WARNING_STYLES[tile.warning];
  const older = tile.latestYear !== null && tile.latestYear !== year ? `(${tile.latestYear}年)` : '';
  return (
    <Link
      to={href}
      data-testid="overview-tile"
      data-indicator={tile.indicator}
      data-sex={tile.sex}
      data-area={tile.area}
      data-status={tile.status}
      data-warning={tile.warning}
      aria-label={`${tile.name}:${tile.valueText}${older},目标${tile.targetText},${tile.statusLabel},${tile.warningLabel}`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        padding: '8px 10px',
        borderRadius: 6,
        border: `1px solid ${style.border}`,
        borderLeft: `5px solid ${style.color}`,
        background: style.background,
        color: 'inherit',
        textAlign: 'left',
        minHeight: 112,
      }}
    >
      <Typography.Text strong ellipsis={{ tooltip: tile.name }} style={{ fontSize: 13 }}>
        {tile.name}
      </Typography.Text>
      <span className="num" data-testid="tile-value" style={{ fontSize: 20, fontWeight: 600, color: style.color }}>
        {tile.valueText}
        {older && <span style={{ fontSize: 12, fontWeight: 400, color: '#8c8c8c' }}>{older}</span>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        目标:{tile.targetText}
      </Typography.Text>
      <span>
        <Tag color={STATUS_TAG_COLORS[tile.status]} data-testid="tile-status" style={{ marginRight: 4 }}>
          {tile.statusLabel}
        </Tag>
        {tile.warning !== 'none' && tile.warning !== 'green' && (
          <Tag color={tile.warning === 'red' ? 'red' : 'gold'} variant="outlined">
            {tile.warningLabel}
          </Tag>
        )}
        {tile.volatile && <Tag variant="outlined">波动较大</Tag>}
      </span>
    </Link>
  );
}
