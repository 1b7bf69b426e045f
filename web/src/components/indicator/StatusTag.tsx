import { Tag } from 'antd';
import type { Status } from '../../../../src/core/assess/types';
import { STATUS_COLORS } from './pageFormat';

/** The progress status of an indicator (已达标, 难以如期达标 …) in its colour. */
export function StatusTag({ status, label }: { status: Status; label: string }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {label}
    </Tag>
  );
}
