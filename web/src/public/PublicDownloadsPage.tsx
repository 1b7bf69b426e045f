/** 数据下载: the published data in three formats; empty of values until a year is published. */
import { Alert, Button, Card, List, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { usePortal } from './PortalContext';
import { DOWNLOADS, downloadUrl } from './publicApi';

export default function PublicDownloadsPage() {
  const info = usePortal();
  const published = info.years.length > 0;
  return (
    <Card title="数据下载">
      {published ? (
        <Typography.Paragraph>
          下列文件包含 {info.years.map((y) => `${y}年`).join('、')} 已批准的监测数据({info.units.map((u) => u.name).join('、')}),
          上级单位未直接报送的数值由所辖单位汇总。
        </Typography.Paragraph>
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="尚未公开发布任何年度的数据,下载的文件只有表头。" />
      )}
      <List
        data-testid="public-downloads"
        dataSource={[...DOWNLOADS]}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button
                key="download"
                type="primary"
                icon={<DownloadOutlined />}
                href={downloadUrl(d.format)}
                download
                data-testid={`download-${d.format}`}
                aria-label={`下载 ${d.label}`}
              >
                下载
              </Button>,
            ]}
          >
            <List.Item.Meta title={d.label} description={d.description} />
          </List.Item>
        )}
      />
    </Card>
  );
}
