// The entry form of one data set × organisation × period: an InputNumber per indicator with the last
// period and the same period last year beside it (and, for year-to-date indicators, the period's own
// value). Enter moves to the next field. Save keeps a draft; submit saves and sends it for review.
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Space, Table, Tag, Tooltip, Typography, type InputNumberProps } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useReportAction, useSaveEntryForm } from '../../api/statistics';
import type { EntryForm, FormField } from '../../../shared/statistics';
import { useUnitLabel } from '../../components/units';
import { fmtNum, fmtTime, StatusTag } from './common';
import { ReportActions } from './ReportActions';
import { ValueAuditPanel } from './ValueAuditPanel';
import { ViolationList } from './ViolationsTab';

type Values = Record<string, number | null>;

const isFirstOfYear = (period: string) => /^\d{4}(01|Q1)$/.test(period);

/** The period's own value of a year-to-date indicator as typed: YTD minus the previous period's YTD. */
function singleOf(f: FormField, ytd: number | null | undefined, period: string): number | null {
  if (!f.indicator.cumulative || ytd == null) return null;
  if (isFirstOfYear(period)) return ytd;
  return f.lastPeriod.value == null ? null : ytd - f.lastPeriod.value;
}

export function EntryFormCard({ data }: { data: EntryForm }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveEntryForm();
  const act = useReportAction();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const saveButton = useRef<HTMLButtonElement>(null);
  const watched = Form.useWatch([], form) as Values | undefined;
  const editable = data.permissions.edit;
  const unitLabel = useUnitLabel();
  /** Fields whose typed text is not a number (InputNumber would silently put the last number back). */
  const [notNumbers, setNotNumbers] = useState<Record<string, string>>({});

  const serverValues = useMemo(() => Object.fromEntries(data.fields.map((f) => [f.indicator.code, f.value])), [data]);
  useEffect(() => {
    form.setFieldsValue(serverValues);
  }, [form, serverValues]);

  const toBody = (values: Values) => ({
    dataset: data.dataset.code,
    org: data.org.code,
    period: data.period,
    values: data.fields
      .filter((f) => values[f.indicator.code] != null || f.rowVersion != null)
      .map((f) => ({ indicatorCode: f.indicator.code, value: values[f.indicator.code] ?? null, rowVersion: f.rowVersion })),
  });

  const showError = (err: unknown, sent?: ReturnType<typeof toBody>) => {
    if (err instanceof ApiError && sent) {
      // Issues name values[i]: put each message on its field.
      const fields = err.issues.flatMap((i) => {
        const m = /^values\[(\d+)\]/.exec(i.path);
        const code = m ? sent.values[Number(m[1])]?.indicatorCode : undefined;
        return code ? [{ name: code, errors: [en ? (i.reasonEn ?? i.message) : (i.reason ?? i.message)] }] : [];
      });
      if (fields.length) form.setFields(fields);
    }
    void message.error(err instanceof Error ? err.message : String(err));
  };

  /** Saves the draft; returns the report's row version after saving, or null when it failed. */
  const saveDraft = async (quiet = false): Promise<number | null> => {
    let values: Values;
    // Text typed into a number field is refused with its message, never dropped for the old value.
    const typed = Object.entries(notNumbers);
    if (typed.length) {
      void message.error(t('statistics.notANumber', { value: typed[0]![1] }));
      return null;
    }
    try {
      values = await form.validateFields();
    } catch {
      return null;
    }
    const body = toBody(values);
    if (!body.values.length) {
      void message.warning(t('statistics.nothingToSave'));
      return null;
    }
    const send = async (confirm: boolean): Promise<number | null> => {
      try {
        const r = await save.mutateAsync(confirm ? { ...body, confirm } : body);
        if (!quiet) void message.success(t('statistics.saved', r.saved));
        return r.form.report.rowVersion;
      } catch (err) {
        // Values outside their soft range: show why, and save again only when the reporter confirms.
        if (!confirm && err instanceof ApiError && err.issues.length && err.issues.every((i) => i.soft)) {
          const ok = await modal.confirm({
            title: t('statistics.softConfirmTitle'), okText: t('statistics.softConfirmOk'), width: 560,
            content: <ul style={{ paddingInlineStart: 18 }} data-testid="entry-soft-warnings">{err.issues.map((i, k) => <li key={k}>{en ? i.reasonEn : i.reason}</li>)}</ul>,
          });
          return ok ? send(true) : null;
        }
        showError(err, body);
        return null;
      }
    };
    return send(false);
  };

  /** 上报 locks the report: the user confirms first (the dialog says so). */
  const confirmSubmit = () => {
    modal.confirm({
      title: t('lists.submitConfirmTitle'), content: t('lists.submitConfirm'), okText: t('lists.submitConfirmOk'), cancelText: t('registry.cancel'),
      okButtonProps: { 'data-testid': 'submit-confirm' } as Record<string, string>,
      onOk: () => submit(),
    });
  };

  const submit = async () => {
    const rowVersion = editable ? await saveDraft(true) : data.report.rowVersion;
    if (rowVersion === null) return;
    try {
      await act.mutateAsync({ action: 'submit', dataset: data.dataset.code, org: data.org.code, period: data.period, rowVersion });
      void message.success(t('statistics.submitted'));
    } catch (err) {
      showError(err);
    }
  };

  const focusNext = (i: number) => {
    const next = inputs.current[i + 1];
    if (next) next.focus();
    else saveButton.current?.focus();
  };

  const columns = [
    {
      title: t('statistics.indicator'), key: 'indicator', width: 220,
      render: (_: unknown, f: FormField) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{en ? f.indicator.nameEn : f.indicator.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.indicator.code} · {unitLabel(f.indicator.unit)}{f.indicator.cumulative ? ` · ${en ? 'YTD' : '累计'}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('statistics.value'), key: 'value', width: 240,
      render: (_: unknown, f: FormField, i: number) => {
        const { minValue: min, maxValue: max, decimals, integer } = f.indicator;
        const props: InputNumberProps<number> = {
          // A whole-number indicator gets no precision: InputNumber would round 12.5 to 13 silently; the validator refuses it.
          style: { width: '100%' }, precision: integer ? undefined : decimals, disabled: !editable, addonAfter: <span style={{ display: 'inline-block', minWidth: 28 }}>{unitLabel(f.indicator.unit)}</span>,
          onPressEnter: (e) => { e.preventDefault(); focusNext(i); },
          onBlur: (e) => {
            const raw = e.target.value.trim();
            const bad = raw !== '' && !Number.isFinite(Number(raw.replace(/,/g, '')));
            setNotNumbers((cur) => {
              const { [f.indicator.code]: _old, ...rest } = cur;
              return bad ? { ...rest, [f.indicator.code]: raw } : rest;
            });
          },
          'aria-label': en ? f.indicator.nameEn : f.indicator.name,
        };
        return (
          <Form.Item
            name={f.indicator.code} style={{ margin: 0 }}
            {...(notNumbers[f.indicator.code] ? { validateStatus: 'error' as const, help: t('statistics.notANumber', { value: notNumbers[f.indicator.code] }) } : {})}
            rules={[
              {
                validator: (_r, v: number | null | undefined) =>
                  v == null ? Promise.resolve()
                    : integer && !Number.isInteger(v) ? Promise.reject(new Error(t('statistics.notInteger')))
                    : min != null && v < min ? Promise.reject(new Error(t('statistics.belowMin', { min })))
                      : max != null && v > max ? Promise.reject(new Error(t('statistics.aboveMax', { max }))) : Promise.resolve(),
              },
            ]}
          >
            <InputNumber<number> {...props} ref={(el) => { inputs.current[i] = (el as unknown as HTMLInputElement | null); }} data-testid={`entry-input-${f.indicator.code}`} />
          </Form.Item>
        );
      },
    },
    {
      title: <Tooltip title={t('statistics.singleHint')}>{t('statistics.single')}</Tooltip>, key: 'single', width: 130, align: 'right' as const,
      render: (_: unknown, f: FormField) => (f.indicator.cumulative ? fmtNum(singleOf(f, watched?.[f.indicator.code], data.period), f.indicator.decimals) : '—'),
    },
    {
      title: t('statistics.lastPeriod'), key: 'last', width: 150, align: 'right' as const,
      render: (_: unknown, f: FormField) => (
        <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <span data-testid={`last-${f.indicator.code}`}>{fmtNum(f.lastPeriod.value, f.indicator.decimals)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.lastPeriod.period}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('statistics.sameLastYear'), key: 'ly', width: 170, align: 'right' as const,
      render: (_: unknown, f: FormField) => (
        <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <span data-testid={`ly-${f.indicator.code}`}>{fmtNum(f.sameLastYear.value, f.indicator.decimals)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.sameLastYear.period}{f.indicator.cumulative && f.singleLastYear != null ? ` · ${t('statistics.single')} ${fmtNum(f.singleLastYear, f.indicator.decimals)}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('statistics.status'), key: 'status', width: 110,
      render: (_: unknown, f: FormField) => (f.status ? <StatusTag status={f.status} /> : null),
    },
  ];

  const r = data.report;
  return (
    <Card
      size="small"
      data-testid="entry-form"
      title={
        <Space wrap>
          <span>{en ? data.dataset.nameEn : data.dataset.name}</span>
          <Typography.Text type="secondary">{data.org.name} · {data.period}</Typography.Text>
          <StatusTag status={r.status} testId="entry-status" />
          {data.locked && <Tag icon={<LockOutlined />} data-testid="entry-locked">{t('statistics.locked')}</Tag>}
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('statistics.deadline')}>{fmtTime(data.deadline).slice(0, 10)}</Descriptions.Item>
          <Descriptions.Item label={t('statistics.submittedBy')}>
            {r.submittedBy ? `${r.submittedBy} · ${fmtTime(r.submittedAt)}` : '—'}
            {r.submittedAt && new Date(r.submittedAt) > new Date(data.deadline) && <Tooltip title={t('lists.lateHelp')}><Tag color="red" style={{ marginLeft: 8 }} data-testid="entry-late">{t('lists.late')}</Tag></Tooltip>}
          </Descriptions.Item>
          <Descriptions.Item label={t('statistics.reviewedBy')}>{r.reviewedBy ? `${r.reviewedBy} · ${fmtTime(r.reviewedAt)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('statistics.approvedBy')}>{r.approvedBy ? `${r.approvedBy} · ${fmtTime(r.approvedAt)}` : '—'}</Descriptions.Item>
        </Descriptions>
        {r.status === 'returned' && r.returnedReason && <Alert type="error" showIcon message={t('statistics.returnedBecause', { reason: r.returnedReason })} data-testid="entry-returned" />}
        {data.lockReason && <Alert type="info" showIcon icon={<LockOutlined />} message={en ? data.lockReason.en : data.lockReason.zh} data-testid="entry-lock-reason" />}
        <Form form={form} component="div" initialValues={serverValues}>
          <Table<FormField> rowKey={(f) => f.indicator.code} size="small" pagination={false} dataSource={data.fields} columns={columns} scroll={{ x: 1000 }} />
        </Form>
        {data.violations.length > 0 && (
          <Alert type="warning" showIcon message={t('statistics.ruleWarnings')} description={<ViolationList violations={data.violations} />} data-testid="entry-violations" />
        )}
        <Space wrap>
          {editable && (
            <Button ref={saveButton} onClick={() => void saveDraft()} loading={save.isPending} data-testid="entry-save">{t('statistics.saveDraft')}</Button>
          )}
          {data.permissions.submit && (
            <Button type="primary" onClick={confirmSubmit} loading={act.isPending && act.variables?.action === 'submit'} data-testid="entry-submit">{t('statistics.submit')}</Button>
          )}
          <ReportActions
            target={{ dataset: data.dataset.code, org: data.org.code, period: data.period, rowVersion: r.rowVersion }}
            can={{ review: data.permissions.review, approve: data.permissions.approve, return: data.permissions.return }}
          />
        </Space>
        <ValueAuditPanel org={data.org.code} period={data.period} />
      </Space>
    </Card>
  );
}
