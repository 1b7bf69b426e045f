/** One qualitative goal in full: the lead's progress text and evidence, the office's rating, and the history. */
import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Input,
  List,
  Popconfirm,
  Radio,
  Space,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { download, errorMessage } from '../../api/client';
import { RatingTag } from '../../components/RatingTag';
import { MAX_COMMENT_CHARS, MAX_REPORT_CHARS } from '../../core';
import {
  deleteEvidence,
  evidenceUrl,
  saveRating,
  saveReport,
  uploadEvidence,
  useQualitativeHistory,
  type QualitativeItem,
  type RatingOption,
} from '../../hooks/useQualitative';
import { bytes } from '../../utils/bytes';
import { dateTime } from '../../utils/format';

const ACCEPT = '.pdf,.doc,.docx,.wps,.ofd,.xls,.xlsx,.jpg,.jpeg,.png,.txt';

interface Props {
  year: number;
  org: string;
  item: QualitativeItem | null;
  ratings: RatingOption[];
  onClose(): void;
  /** The item after a change, so that the list shows it at once. */
  onChanged(): void;
}

export function QualitativeDrawer({ year, org, item, ratings, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [rating, setRating] = useState<string | undefined>(undefined);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const history = useQualitativeHistory(year, org, item?.code ?? null);

  useEffect(() => {
    setText(item?.report?.text ?? '');
    setRating(item?.rating?.rating);
    setComment(item?.rating?.comment ?? '');
  }, [item]);

  if (!item) return <Drawer open={false} />;

  const run = async (what: string, done: string, action: () => Promise<unknown>) => {
    setBusy(what);
    try {
      await action();
      message.success(done);
      onChanged();
      history.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const reportChanged = text !== (item.report?.text ?? '');
  const ratingChanged = rating !== item.rating?.rating || comment !== (item.rating?.comment ?? '');

  return (
    <Drawer
      open
      onClose={onClose}
      size={720}
      title={`${item.domainName} · ${item.kindLabel}${item.number}`}
      data-testid="qualitative-drawer"
      destroyOnHidden
    >
      <Typography.Paragraph style={{ fontSize: 15 }}>{item.text}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="牵头单位">{item.lead?.name ?? '未分工'}</Descriptions.Item>
        <Descriptions.Item label="配合单位">{item.cooperating.map((d) => d.name).join('、') || '—'}</Descriptions.Item>
      </Descriptions>

      <Divider titlePlacement="start">进展情况</Divider>
      {item.mayWrite ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label="进展情况"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 16 }}
            maxLength={MAX_REPORT_CHARS}
            showCount
            placeholder="填写本年度该目标(措施)的落实情况、主要做法和成效、存在的问题和下一步打算。"
          />
          <Space>
            <Button
              type="primary"
              disabled={!reportChanged || text.trim() === ''}
              loading={busy === 'report'}
              onClick={() => void run('report', '进展情况已保存', () => saveReport(year, org, item.code, text))}
              aria-label="保存进展情况"
            >
              保存进展情况
            </Button>
            {item.report && (
              <Typography.Text type="secondary">
                上次保存:{item.report.updatedByName} {dateTime(item.report.updatedAt)}
              </Typography.Text>
            )}
          </Space>
        </Space>
      ) : item.report ? (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="qualitative-report">
            {item.report.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {item.report.updatedByName} {dateTime(item.report.updatedAt)}
          </Typography.Text>
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="牵头单位尚未填报进展情况" />
      )}

      <Divider titlePlacement="start">佐证材料</Divider>
      <List
        size="small"
        aria-label="佐证材料"
        dataSource={item.evidence}
        locale={{ emptyText: '暂无佐证材料' }}
        renderItem={(f) => (
          <List.Item
            actions={[
              <Button
                key="dl"
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => void download(evidenceUrl(f.id), f.name).catch((e: unknown) => message.error(errorMessage(e)))}
                aria-label={`下载 ${f.name}`}
              >
                下载
              </Button>,
              ...(item.mayWrite
                ? [
                    <Popconfirm
                      key="rm"
                      title={`删除“${f.name}”?`}
                      onConfirm={() => run('rm', '已删除', () => deleteEvidence(f.id))}
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.name}`}>
                        删除
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta title={f.name} description={`${bytes(f.size)} · ${f.uploadedByName} ${dateTime(f.uploadedAt)}`} />
          </List.Item>
        )}
      />
      {item.mayWrite && (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void run('upload', `已上传“${file.name}”`, () => uploadEvidence(year, org, item.code, file));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy === 'upload'} aria-label="上传佐证材料" style={{ marginTop: 8 }}>
            上传佐证材料
          </Button>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            PDF、Word、WPS、OFD、Excel、图片或文本文件
          </Typography.Text>
        </Upload>
      )}

      <Divider titlePlacement="start">评估结论</Divider>
      {item.mayRate ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group
            aria-label="评估结论"
            value={rating}
            onChange={(e) => setRating(String(e.target.value))}
            options={ratings.map((r) => ({ value: r.value, label: r.label }))}
            optionType="button"
            buttonStyle="solid"
          />
          <Input.TextArea
            aria-label="评估意见"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={MAX_COMMENT_CHARS}
            showCount
            placeholder="评估意见(可选)"
          />
          <Space>
            <Button
              type="primary"
              disabled={rating === undefined || !ratingChanged}
              loading={busy === 'rating'}
              onClick={() => rating && void run('rating', '评估结论已保存', () => saveRating(year, org, item.code, rating, comment))}
              aria-label="保存评估结论"
            >
              保存评估结论
            </Button>
            {item.rating && (
              <Typography.Text type="secondary">
                上次评估:{item.rating.ratedByName} {dateTime(item.rating.ratedAt)}
              </Typography.Text>
            )}
          </Space>
        </Space>
      ) : (
        <Space orientation="vertical">
          <RatingTag rating={item.rating?.rating} label={item.rating?.label} />
          {item.rating?.comment && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.rating.comment}</Typography.Paragraph>}
          {item.rating && (
            <Typography.Text type="secondary">
              {item.rating.ratedByName} {dateTime(item.rating.ratedAt)}
            </Typography.Text>
          )}
        </Space>
      )}

      <Divider titlePlacement="start">修改历史</Divider>
      {history.error ? (
        <Typography.Text type="danger">{history.error.message}</Typography.Text>
      ) : (history.data?.entries.length ?? 0) === 0 ? (
        <Typography.Text type="secondary">{history.loading ? '正在加载…' : '暂无记录'}</Typography.Text>
      ) : (
        <Timeline
          data-testid="qualitative-history"
          items={[...(history.data?.entries ?? [])].reverse().map((h) => ({
            key: h.id,
            color: h.kind === 'rating' ? 'green' : 'blue',
            content: (
              <div>
                <Typography.Text strong>
                  {h.kindLabel}
                  {h.ratingLabel ? `:${h.ratingLabel}` : ''}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {h.changedByName} {dateTime(h.changedAt)}
                </Typography.Text>
                {h.text && (
                  <Typography.Paragraph
                    ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
                    style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                  >
                    {h.text}
                  </Typography.Paragraph>
                )}
                {h.comment && <Typography.Paragraph style={{ marginBottom: 0 }}>{h.comment}</Typography.Paragraph>}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
