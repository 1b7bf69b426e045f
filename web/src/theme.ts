/** Colours and type: a sober government blue, Chinese system fonts, compact spacing for dense tables. */
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fa8',
    colorInfo: '#1d5fa8',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      '-apple-system, "Segoe UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
  },
  components: {
    Layout: { headerBg: '#16437a', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Table: { cellPaddingBlockSM: 6, headerBg: '#f3f6fa' },
  },
};
