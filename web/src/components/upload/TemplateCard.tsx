/** Step one of the Excel door: the year and units, and the pre-filled template to download. */
import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, TreeSelect, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download, errorMessage } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { YearSelect } from '../YearSelect';
import { useOrgScope } from '../../hooks/useOrgScope';
import { templateUrl } from '../../hooks/useUploads';
import type { useYear } from '../../hooks/useYear';

const TEMPLATE_LEVELS = new Set(['province', 'city', 'county', 'township']);

export function TemplateCard({ department, yearChoice }: { department: string; yearChoice: ReturnType<typeof useYear> }) {
  const user = useUser();
  const { message } = App.useApp();
  const scope = useOrgScope();
  const [orgs, setOrgs] = useState<string[]>([user.orgUnitCode]);
  const [busy, setBusy] = useState(false);
  const treeData = useMemo(
    () =>
      (scope.data?.units ?? [])
        .filter((u) => TEMPLATE_LEVELS.has(u.level))
        .map((u) => ({ id: u.code, pId: u.parentCode ?? undefined, value: u.code, title: u.name })),
    [scope.data],
  );
  const get = async () => {
    if (yearChoice.year === null || orgs.length === 0) return;
    setBusy(true);
    try {
      await download(templateUrl(department, yearChoice.year, orgs));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="第一步:下载模板" style={{ marginBottom: 12 }}>
      <Flex wrap gap={12} align="center">
        <YearSelect choice={yearChoice} />
        <TreeSelect
          aria-label="模板单位"
          data-testid="template-orgs"
          multiple
          treeDataSimpleMode
          treeData={treeData}
          treeDefaultExpandedKeys={[user.orgUnitCode]}
          value={orgs}
          onChange={(v: string[]) => setOrgs(v)}
          loading={scope.loading}
          placeholder="选择要填报的单位"
          maxTagCount={4}
          style={{ minWidth: 320 }}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void get()}
          loading={busy}
          disabled={orgs.length === 0}
          aria-label="下载模板"
          data-testid="download-template"
        >
          下载模板
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        模板每行一个需要填报的数值,已列出指标、单位和上年数值;灰色单元格不能修改。在 Excel 中填好后保存,再在下方上传。也可以上传同样格式的
        CSV 文件。
      </Typography.Paragraph>
    </Card>
  );
}
