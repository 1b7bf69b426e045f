/**
 * 填报: a department's figures for one unit and year, typed into a grid, checked as they are typed,
 * kept in the browser until saved, then submitted into the review workflow.
 *
 * Names for tests (aria-label / data-testid):
 * - selectors: 年度 `year-select`, 单位 `org-unit-select`, 成员单位 `department-select`
 * - header: `submission-state` (data-state=draft|submitted|reviewed|approved), `deadline`, `filled-count`
 * - notices: `draft-restored` (「已恢复未保存的草稿(n 项)」) with button 放弃草稿 `discard-draft` (then 确认放弃),
 *   `locked-notice` (why the form is read-only), `draft-storage-failed`
 * - grid `entry-grid` (aria-label 填报表); per line `line-{indicator}-{org}-{sex}-{area}`; cells
 *   `value-…`, `numerator-…`, `denominator-…`, `source-…`, `note-…`, `computed-…`, `history-…`
 *   e.g. `value-newborn_visit_rate-220322-total-total`; messages `error-{field}-…`, `warning-value-…`
 * - filter `line-filter` (全部 / 未填 / 已修改 / 有问题)
 * - buttons: 保存 `save` (Ctrl+S), 修改原因 `save-reason`, workflow `action-submit|review|approve|return|reopen`,
 *   reason dialog: 理由 `workflow-reason`, OK 确认{动作}
 * - history drawer `history-drawer`: `history-current`, `value-versions`, `events-timeline`
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Empty, Flex, Input, Segmented, Select, Space, Spin, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { ApiError, errorMessage } from '../api/client';
import { useUser } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect';
import { YearSelect } from '../components/YearSelect';
import { draftKey, readDraft, writeDraft } from '../components/entry/drafts';
import { EntryGrid, type GridLine } from '../components/entry/EntryGrid';
import { FormNotices } from '../components/entry/FormNotices';
import { useLeaveWarning, useSaveShortcut } from '../components/entry/pageKeys';
import { entryOf, isDirty, pruneEdits, storedText, type Edits, type Field } from '../components/entry/entryModel';
import { HistoryDrawer, type HistoryTarget } from '../components/entry/HistoryDrawer';
import { errorCount, issuesOf } from '../components/entry/issues';
import { StateTag } from '../components/entry/StateTag';
import { Deadline, lockedBecause } from '../components/entry/formStatus';
import { SubmissionActions } from '../components/entry/SubmissionActions';
import { useLiveValidation } from '../components/entry/useLiveValidation';
import { useDepartments } from '../hooks/useDepartments';
import { useEntryForm, type FormChoice, type FormLine } from '../hooks/useEntryForm';
import { usePlan } from '../hooks/usePlan';
import { saveValues, type EntryError } from '../hooks/useValues';
import { useYear } from '../hooks/useYear';
import { dateTime } from '../utils/format';

const UNIT_LEVELS = ['province', 'city', 'county', 'township'] as const;

type LineFilter = 'all' | 'empty' | 'changed' | 'issues';

export default function EntryPage() {
  const user = useUser();
  const { message } = App.useApp();
  const yearChoice = useYear();
  const [params, setParams] = useSearchParams();
  const isDepartment = user.role === 'department';
  const org = params.get('org') || user.orgUnitCode;
  const department = isDepartment ? user.departmentCode : params.get('department');
  const departments = useDepartments();
  const plan = usePlan();

  const setParam = useCallback(
    (name: string, value: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const choice: FormChoice | null = useMemo(
    () => (department && org && yearChoice.year !== null ? { department, org, year: yearChoice.year } : null),
    [department, org, yearChoice.year],
  );
  const { data, loading, error, reload } = useEntryForm(choice);
  const form =
    data && choice && data.department.code === choice.department && data.orgUnit.code === choice.org && data.year === choice.year
      ? data
      : undefined;

  const levels = useMemo(() => new Map((plan.data?.indicators ?? []).map((i) => [i.code, i.level])), [plan.data]);
  const domainNames = useMemo(() => new Map((plan.data?.domains ?? []).map((d) => [d.code, d.name])), [plan.data]);
  const yesNoOf = useCallback(
    (line: FormLine) => line.indicator.yesNo && levels.get(line.indicator.code) === form?.orgUnit.level,
    [levels, form],
  );

  // The user's typing, kept per form (user, department, unit, year) and mirrored to localStorage.
  const key = choice ? draftKey(user.username, choice.department, choice.org, choice.year) : null;
  const [typed, setTyped] = useState<{ key: string | null; edits: Edits }>({ key: null, edits: {} });
  if (typed.key !== key) setTyped({ key, edits: key ? readDraft(key) : {} });
  const edits = typed.key === key ? typed.edits : {};
  const [restored, setRestored] = useState<{ key: string; count: number } | null>(null);
  const [storageFailed, setStorageFailed] = useState(false);

  const locked = form ? lockedBecause(form, user.role, user.departmentCode) : null;
  const canEdit = form !== undefined && locked === null;
  const shownEdits = canEdit ? edits : {};

  const gridLines: GridLine[] = useMemo(() => (form ? form.lines.map((line) => ({ line, yesNo: yesNoOf(line) })) : []), [form, yesNoOf]);
  const dirty = useMemo(() => gridLines.filter((g) => isDirty(g.line, edits[g.line.key], g.yesNo)), [gridLines, edits]);
  const pendingDrafts = dirty.length;

  useEffect(() => {
    if (!form || !key || typed.key !== key || plan.data === undefined) return;
    if (restored?.key !== key) setRestored({ key, count: pendingDrafts });
    if (!writeDraft(key, pruneEdits(form.lines, edits, yesNoOf))) setStorageFailed(true);
  }, [form, key, typed.key, edits, yesNoOf, plan.data, restored, pendingDrafts]);

  useLeaveWarning(canEdit && pendingDrafts > 0);

  const changed = useMemo(
    () => (canEdit ? dirty.map((g) => ({ key: g.line.key, entry: entryOf(g.line, edits[g.line.key], g.yesNo) })) : []),
    [canEdit, dirty, edits],
  );
  const target = useMemo(() => (form ? { year: form.year, department: form.department.code } : null), [form]);
  const validation = useLiveValidation(target, changed);
  const showIssues = validation.show;
  const dirtyKeys = useMemo(() => new Set(changed.map((c) => c.key)), [changed]);
  const issues = useMemo(
    () => Object.fromEntries(Object.entries(validation.issues).filter(([k]) => dirtyKeys.has(k))),
    [validation.issues, dirtyKeys],
  );
  const errors = errorCount(issues, dirtyKeys);

  const onChange = useCallback(
    (lineKey: string, field: Field, text: string) =>
      setTyped((t) => ({ ...t, edits: { ...t.edits, [lineKey]: { ...t.edits[lineKey], [field]: text } } })),
    [],
  );

  const discard = () => {
    setTyped({ key, edits: {} });
    if (key) writeDraft(key, {});
    setRestored(key ? { key, count: 0 } : null);
    message.info('已放弃未保存的修改');
  };

  // After a save, the lines sent are cleared once the reloaded form shows them stored (not before: no flash of old figures).
  const clearAfterReload = useRef<Edits | null>(null);
  useEffect(() => {
    const sent = clearAfterReload.current;
    if (!sent || !data) return;
    clearAfterReload.current = null;
    setTyped((t) => {
      const next = Object.fromEntries(Object.entries(t.edits).filter(([k, e]) => sent[k] !== e));
      return { ...t, edits: next };
    });
  }, [data]);

  const [saving, setSaving] = useState(false);
  const [reason, setReason] = useState('');
  const save = useCallback(async () => {
    if (!form || !canEdit || saving) return;
    if (changed.length === 0) {
      message.info('没有需要保存的修改');
      return;
    }
    const sent: Edits = {};
    for (const c of changed) {
      const e = edits[c.key];
      if (e) sent[c.key] = e;
    }
    setSaving(true);
    try {
      const r = await saveValues({
        year: form.year,
        department: form.department.code,
        entries: changed.map((c) => c.entry),
        reason: reason.trim() || undefined,
      });
      message.success(`已保存:新增 ${r.inserted} 项,修改 ${r.updated} 项,未变 ${r.unchanged} 项`);
      setReason('');
      setRestored(key ? { key, count: 0 } : null);
      clearAfterReload.current = sent;
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const list = (e.details as { errors?: EntryError[] } | undefined)?.errors ?? [];
        showIssues(
          issuesOf(
            changed.map((c) => c.key),
            list,
            [],
          ),
        );
        message.error(e.message);
        window.setTimeout(() => document.querySelector<HTMLInputElement>('.entry-grid input[aria-invalid="true"]')?.focus(), 50);
      } else {
        message.error(errorMessage(e));
        if (e instanceof ApiError && (e.status === 409 || e.status === 403)) reload();
      }
    } finally {
      setSaving(false);
    }
  }, [form, canEdit, saving, changed, edits, reason, key, message, reload, showIssues]);

  useSaveShortcut(save);

  const [filter, setFilter] = useState<LineFilter>('all');
  const shown = useMemo(() => {
    if (filter === 'all') return gridLines;
    return gridLines.filter((g) => {
      const k = g.line.key;
      if (filter === 'changed') return dirtyKeys.has(k);
      if (filter === 'issues') return issues[k] !== undefined;
      return (['value', 'numerator'] as const).every((f) => (shownEdits[k]?.[f] ?? storedText(g.line, f, g.yesNo)).trim() === '');
    });
  }, [filter, gridLines, dirtyKeys, issues, shownEdits]);

  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const onHistory = useCallback(
    (line: FormLine) =>
      form &&
      setHistory({
        indicator: line.indicator.code,
        org: line.orgUnit.code,
        year: form.year,
        sex: line.sex,
        area: line.area,
        ageGroup: line.ageGroup,
        unit: line.indicator.unit,
        title: `${line.indicator.name} · ${line.orgUnit.name} · ${line.label} · ${form.year} 年`,
      }),
    [form],
  );

  const filled = form ? form.lines.filter((l) => l.current !== null && l.current.value !== null).length : 0;
  const activeDepartments = (departments.data?.departments ?? []).filter((d) => d.active);

  return (
    <Card
      title="填报"
      styles={{ body: { paddingTop: 12 } }}
      extra={
        <Space wrap>
          <YearSelect choice={yearChoice} />
          <OrgUnitTreeSelect value={org} onChange={(v) => setParam('org', v || null)} levels={UNIT_LEVELS} style={{ width: 220 }} />
          {!isDepartment && (
            <Select<string>
              aria-label="成员单位"
              data-testid="department-select"
              placeholder="选择成员单位"
              style={{ width: 240 }}
              value={department ?? undefined}
              onChange={(v) => setParam('department', v)}
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.loading}
              options={activeDepartments.map((d) => ({ value: d.code, label: d.name }))}
            />
          )}
        </Space>
      }
    >
      <ErrorAlert error={error ?? plan.error ?? departments.error} retry={reload} />
      {!department ? (
        <Empty description={isDepartment ? '您的账户没有所属成员单位,请联系管理员' : '请选择成员单位'} />
      ) : !form || plan.data === undefined ? (
        loading || plan.loading ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin description="正在加载填报表…" />
          </Flex>
        ) : null
      ) : (
        <>
          <Flex wrap gap={16} align="center" style={{ marginBottom: 10 }} data-testid="form-header">
            <Typography.Text strong style={{ fontSize: 15 }}>
              {form.department.name} · {form.orgUnit.name} · {form.year} 年
            </Typography.Text>
            <StateTag state={form.submission.state} label={form.submission.stateLabel} />
            <Deadline deadline={form.deadline} state={form.submission.state} />
            <Typography.Text type="secondary" data-testid="filled-count">
              已填 {filled} / {form.lines.length} 项
            </Typography.Text>
            {form.reportingUnit.code !== form.orgUnit.code && (
              <Typography.Text type="secondary">随 {form.reportingUnit.name} 一并报送</Typography.Text>
            )}
            {form.submission.updatedBy && (
              <Typography.Text type="secondary">
                最后操作:{form.submission.updatedBy} {dateTime(form.submission.updatedAt)}
              </Typography.Text>
            )}
            <span style={{ marginLeft: 'auto' }}>
              <SubmissionActions
                target={{ department: form.department.code, org: form.reportingUnit.code, year: form.year }}
                title={`${form.department.name} · ${form.reportingUnit.name} · ${form.year} 年`}
                actions={form.submission.actions}
                onDone={reload}
                blockedBecause={(a) => (a === 'submit' && pendingDrafts > 0 ? '有未保存的修改,请先保存' : null)}
              />
            </span>
          </Flex>

          <FormNotices
            restoredCount={restored?.key === key ? restored.count : null}
            pendingDrafts={pendingDrafts}
            canEdit={canEdit}
            locked={locked}
            hasLines={form.lines.length > 0}
            storageFailed={storageFailed}
            onDiscard={discard}
          />

          {form.lines.length === 0 ? (
            <Empty description={`${form.department.name}在${form.orgUnit.name}没有需要填报的指标`} />
          ) : (
            <>
              <Flex wrap gap={12} align="center" style={{ marginBottom: 8 }}>
                <Segmented<LineFilter>
                  aria-label="显示"
                  data-testid="line-filter"
                  size="small"
                  value={filter}
                  onChange={setFilter}
                  options={[
                    { value: 'all', label: `全部 ${gridLines.length}` },
                    { value: 'empty', label: '未填' },
                    { value: 'changed', label: `已修改 ${pendingDrafts}` },
                    { value: 'issues', label: `有问题 ${Object.keys(issues).length}` },
                  ]}
                />
                {canEdit && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    Tab 下一格 · Enter 下一行 · Esc 撤销本格 · Ctrl+S 保存
                  </Typography.Text>
                )}
                {canEdit && (
                  <Flex gap={8} align="center" style={{ marginLeft: 'auto' }}>
                    <Typography.Text type="secondary" aria-live="polite" data-testid="save-status">
                      {validation.checking
                        ? '正在校验…'
                        : errors > 0
                          ? `${errors} 处错误`
                          : pendingDrafts > 0
                            ? `${pendingDrafts} 项未保存(草稿已存于本机)`
                            : '全部已保存'}
                    </Typography.Text>
                    {dirty.some((g) => g.line.current !== null) && (
                      <Input
                        size="middle"
                        placeholder="修改原因(可选)"
                        aria-label="修改原因"
                        data-testid="save-reason"
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                        maxLength={500}
                        style={{ width: 200 }}
                      />
                    )}
                    <Button
                      type="primary"
                      icon={<SaveOutlined />}
                      onClick={() => void save()}
                      loading={saving}
                      disabled={pendingDrafts === 0}
                      aria-label="保存"
                      title="保存(Ctrl+S)"
                      data-testid="save"
                    >
                      保存{pendingDrafts > 0 ? `(${pendingDrafts})` : ''}
                    </Button>
                  </Flex>
                )}
              </Flex>
              {shown.length === 0 ? (
                <Empty description="没有符合条件的行" />
              ) : (
                <EntryGrid
                  year={form.year}
                  lines={shown}
                  domainNames={domainNames}
                  edits={shownEdits}
                  issues={issues}
                  readOnly={!canEdit}
                  onChange={onChange}
                  onHistory={onHistory}
                />
              )}
            </>
          )}
        </>
      )}
      <HistoryDrawer target={history} onClose={() => setHistory(null)} />
    </Card>
  );
}
