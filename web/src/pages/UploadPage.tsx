/**
 * Excel 导入: download the department's template, fill it in Excel, upload it (or a CSV), see what
 * would change and every error by cell, and import it all at once, or nothing.
 *
 * Names for tests (aria-label / data-testid):
 * - template: 年度 `year-select`, 模板单位 `template-orgs`, 下载模板 `download-template`
 * - upload: `upload-dragger` (the file input inside takes .xlsx / .csv), `upload-error`
 * - preview `upload-preview`: counts `count-rows`, `count-inserted`, `count-updated`, `count-unchanged`, `count-skipped`,
 *   `count-errors`; `upload-errors-table` (aria-label 错误列表; 工作表, 行, 列, 单元格, 说明), `upload-warnings-table`
 *   (aria-label 需核实列表), `upload-changes-table`
 *   (aria-label 变更列表; rows data-kind=insert|update|unchanged), `changes-filter`
 * - 导入原因 `import-reason`, 确认导入 `confirm-import` (absent when there are errors), 重新选择文件 `upload-again`
 * - result `import-result`, 到填报页查看 `go-entry`, 继续导入 `import-more`
 */
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Result,
  Segmented,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../api/client';
import { useUser } from '../auth/AuthContext';
import { AREA_LABELS, SEX_LABELS } from '../core';
import { shortNumber } from '../components/entry/entryModel';
import {
  confirmUpload,
  previewUpload,
  type ImportResult,
  type UploadChange,
  type UploadIssue,
  type UploadPreview,
} from '../hooks/useUploads';
import { useYear } from '../hooks/useYear';
import { TemplateCard } from '../components/upload/TemplateCard';
import '../components/entry/upload.css';

const ACCEPTED = ['.xlsx', '.csv'];
const KIND_TAGS: Record<UploadChange['kind'], { color: string; label: string }> = {
  insert: { color: 'green', label: '新增' },
  update: { color: 'orange', label: '修改' },
  unchanged: { color: 'default', label: '不变' },
};

/** 分组 as the server names it, else from the codes. */
function group(c: UploadChange): string {
  if (c.label) return c.label;
  const sex = c.sex === 'total' ? '' : (SEX_LABELS[c.sex as keyof typeof SEX_LABELS] ?? c.sex);
  const area = c.area === 'total' ? '' : (AREA_LABELS[c.area as keyof typeof AREA_LABELS] ?? c.area);
  const parts = [area, sex, c.ageGroup === 'total' ? '' : c.ageGroup].filter((p) => p !== '');
  return parts.length === 0 ? '合计' : parts.join('·');
}

const changeColumns: ColumnsType<UploadChange> = [
  { title: '行', dataIndex: 'row', width: 60, className: 'num' },
  { title: '指标', dataIndex: 'indicatorName', ellipsis: true },
  { title: '单位', dataIndex: 'orgUnitName', width: 120 },
  { title: '年度', dataIndex: 'year', width: 70 },
  { title: '分组', key: 'group', width: 100, render: (_, c) => group(c) },
  { title: '原值', dataIndex: 'old', width: 110, className: 'num', render: (v: number | null) => (v === null ? '—' : shortNumber(v, 4)) },
  {
    title: '新值',
    dataIndex: 'new',
    width: 110,
    className: 'num',
    render: (v: number, c) => (c.kind === 'unchanged' ? shortNumber(v, 4) : <b>{shortNumber(v, 4)}</b>),
  },
  {
    title: '变化',
    dataIndex: 'kind',
    width: 80,
    render: (k: UploadChange['kind']) => <Tag color={KIND_TAGS[k].color}>{KIND_TAGS[k].label}</Tag>,
  },
];

const dash = (v: string | null) => v ?? '—';
const issueColumns = (kind: 'danger' | 'warning'): ColumnsType<UploadIssue> => [
  { title: '工作表', dataIndex: 'sheet', width: 120, render: dash },
  { title: '行', dataIndex: 'row', width: 60, className: 'num' },
  { title: '列', dataIndex: 'column', width: 60, render: dash },
  { title: '单元格', dataIndex: 'cell', width: 80, render: dash },
  { title: '说明', dataIndex: 'message', render: (m: string) => <Typography.Text type={kind}>{m}</Typography.Text> },
];
const issueKey = (e: UploadIssue, i?: number) => `${e.sheet ?? ''}|${e.row}|${e.column ?? ''}|${i ?? 0}`;

function Counts({ preview }: { preview: UploadPreview }) {
  const items: [string, string, number, string?][] = [
    ['count-rows', '文件行数', preview.counts.rows],
    ['count-inserted', '新增', preview.counts.inserted, '#389e0d'],
    ['count-updated', '修改', preview.counts.updated, '#d46b08'],
    ['count-unchanged', '不变', preview.counts.unchanged],
    ['count-skipped', '未填(跳过)', preview.counts.skipped],
    ['count-errors', '错误', preview.counts.errors, preview.counts.errors > 0 ? '#cf1322' : undefined],
  ];
  return (
    <Flex wrap gap={32} style={{ marginBottom: 12 }}>
      {items.map(([id, title, value, color]) => (
        <Statistic key={id} title={title} value={value} data-testid={id} styles={{ content: color ? { color } : undefined }} />
      ))}
    </Flex>
  );
}

export default function UploadPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const yearChoice = useYear();
  const department = user.departmentCode;
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<{ message: string; problems: string[] } | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<(ImportResult & { year: number | null }) | null>(null);
  const [onlyChanges, setOnlyChanges] = useState(true);

  const start = async (file: File) => {
    const name = file.name.toLowerCase();
    if (!ACCEPTED.some((ext) => name.endsWith(ext))) {
      setUploadError({ message: `只能上传 Excel(.xlsx)或 CSV(.csv)文件,“${file.name}”不是`, problems: [] });
      return;
    }
    setUploadError(null);
    setPreview(null);
    setResult(null);
    setReading(file.name);
    try {
      const p = await previewUpload(file, department);
      setPreview(p);
      setOnlyChanges(p.counts.inserted + p.counts.updated > 0);
      setReason('');
    } catch (e) {
      const problems = e instanceof ApiError ? (e.details as { problems?: unknown } | undefined)?.problems : undefined;
      setUploadError({
        message: errorMessage(e),
        problems: Array.isArray(problems) ? problems.filter((x): x is string => typeof x === 'string') : [],
      });
    } finally {
      setReading(null);
    }
  };

  const confirm = async () => {
    if (!preview?.token) return;
    setConfirming(true);
    try {
      const r = await confirmUpload(preview.token, reason.trim());
      setResult({ ...r, year: preview.year ?? yearChoice.year });
      setPreview(null);
      message.success('导入完成');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setConfirming(false);
    }
  };

  const again = () => {
    setPreview(null);
    setResult(null);
    setUploadError(null);
  };

  if (!department) {
    return (
      <Card title="Excel 导入">
        <Empty description="您的账户没有所属成员单位,请联系管理员" />
      </Card>
    );
  }

  const changes = preview ? (onlyChanges ? preview.changes.filter((c) => c.kind !== 'unchanged') : preview.changes) : [];

  return (
    <Card title="Excel 导入">
      <TemplateCard department={department} yearChoice={yearChoice} />

      <Card size="small" title="第二步:上传填好的文件" style={{ marginBottom: 12 }}>
        {result ? (
          <Result
            status="success"
            data-testid="import-result"
            title="导入完成"
            subTitle={`新增 ${result.inserted} 项,修改 ${result.updated} 项,未变 ${result.unchanged} 项。每个数值的修改都已记入历史。`}
            extra={[
              <Button
                key="entry"
                type="primary"
                onClick={() => navigate(`/entry${result.year ? `?year=${result.year}` : ''}`)}
                aria-label="到填报页查看"
                data-testid="go-entry"
              >
                到填报页查看
              </Button>,
              <Button key="more" onClick={again} aria-label="继续导入" data-testid="import-more">
                继续导入
              </Button>,
            ]}
          />
        ) : (
          <>
            <Upload.Dragger
              accept={ACCEPTED.join(',')}
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void start(file);
                return false;
              }}
              disabled={reading !== null || confirming}
              data-testid="upload-dragger"
              aria-label="上传文件"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击选择文件,或把文件拖到这里</p>
              <p className="ant-upload-hint">Excel(.xlsx)或 CSV(.csv,UTF-8 或 GBK)。上传后先预览,确认后才导入。</p>
            </Upload.Dragger>
            {reading && (
              <Flex justify="center" style={{ padding: 16 }}>
                <Spin description={`正在读取“${reading}”并检查…`} />
              </Flex>
            )}
            {uploadError && (
              <div data-testid="upload-error" style={{ marginTop: 12 }}>
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={uploadError.message}
                  description={
                    uploadError.problems.length > 0 ? (
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {uploadError.problems.map((p, i) => (
                          <li key={i}>{p}</li>
                        ))}
                      </ul>
                    ) : undefined
                  }
                />
              </div>
            )}
          </>
        )}
      </Card>

      {preview && (
        <Card size="small" title={`第三步:核对并确认 —— ${preview.fileName}`} data-testid="upload-preview">
          <Counts preview={preview} />
          {preview.ignoredColumns.length > 0 && (
            <Typography.Paragraph type="secondary" data-testid="ignored-columns">
              以下列仅供参考,未读取:{preview.ignoredColumns.join('、')}
            </Typography.Paragraph>
          )}
          {preview.counts.errors > 0 || !preview.token ? (
            <>
              <Alert
                type="error"
                showIcon
                role="alert"
                style={{ marginBottom: 12 }}
                title={`文件中有 ${preview.counts.errors} 处错误,本次不能导入,未写入任何数据`}
                description={
                  preview.counts.errors > preview.errors.length
                    ? `下表列出前 ${preview.errors.length} 处。请在 Excel 中逐一改正后,重新上传整个文件。`
                    : '请按下表在 Excel 中逐一改正后,重新上传整个文件。'
                }
              />
              <Table<UploadIssue>
                data-testid="upload-errors-table"
                aria-label="错误列表"
                rowKey={issueKey}
                size="small"
                columns={issueColumns('danger')}
                dataSource={preview.errors}
                pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              />
              <Button onClick={again} aria-label="重新选择文件" data-testid="upload-again">
                重新选择文件
              </Button>
            </>
          ) : (
            <>
              {preview.warnings.length > 0 && (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 8 }}
                    title={`有 ${preview.warnings.length} 处需要核实(不影响导入)`}
                    data-testid="upload-warnings"
                  />
                  <Table<UploadIssue>
                    data-testid="upload-warnings-table"
                    aria-label="需核实列表"
                    rowKey={issueKey}
                    size="small"
                    columns={issueColumns('warning')}
                    dataSource={preview.warnings}
                    pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                    style={{ marginBottom: 12 }}
                  />
                </>
              )}
              <Flex wrap gap={12} align="center" style={{ marginBottom: 8 }}>
                <Segmented<string>
                  aria-label="显示"
                  data-testid="changes-filter"
                  size="small"
                  value={onlyChanges ? 'changes' : 'all'}
                  onChange={(v) => setOnlyChanges(v === 'changes')}
                  options={[
                    { value: 'changes', label: `只看新增和修改 ${preview.counts.inserted + preview.counts.updated}` },
                    { value: 'all', label: `全部 ${preview.changes.length}` },
                  ]}
                />
              </Flex>
              <Table<UploadChange>
                data-testid="upload-changes-table"
                aria-label="变更列表"
                rowKey={(c) => `${c.row}|${c.indicator}|${c.orgUnit}|${c.year}|${c.sex}|${c.area}|${c.ageGroup}`}
                rowClassName={(c) => `upload-${c.kind}`}
                onRow={(c) => ({ 'data-kind': c.kind }) as HTMLAttributes<HTMLElement>}
                size="small"
                columns={changeColumns}
                dataSource={changes}
                pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
                locale={{ emptyText: '文件中的数值与已保存的完全相同,没有需要导入的修改' }}
              />
              <Space wrap style={{ marginTop: 12 }}>
                <Input
                  placeholder="导入原因(可选,如:按妇幼年报更正)"
                  aria-label="导入原因"
                  data-testid="import-reason"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  maxLength={500}
                  style={{ width: 320 }}
                />
                <Button
                  type="primary"
                  onClick={() => void confirm()}
                  loading={confirming}
                  disabled={!preview.token || preview.counts.inserted + preview.counts.updated === 0}
                  aria-label="确认导入"
                  data-testid="confirm-import"
                >
                  确认导入
                </Button>
                <Button onClick={again} aria-label="重新选择文件" data-testid="upload-again">
                  重新选择文件
                </Button>
              </Space>
            </>
          )}
        </Card>
      )}
    </Card>
  );
}
