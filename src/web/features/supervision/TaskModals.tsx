// The coordinator's decomposition: edit a node (dates, units, cycle, weight; saving confirms proposed
// dates), add a sub-task or milestone under it, and assign (交办) or re-assign it to one unit.
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { REPORTING_CYCLES, type ReportingCycle } from '../../../shared/supervision';
import { useOrganizations } from '../../api/hooks';
import { useAssign, useCreateNode, useUpdateNode, type TaskDetail } from '../../api/supervision';
import { useRunAction } from './common';

interface NodeForm {
  title: string;
  content?: string;
  leadOrgId?: string | null;
  responsibleOrgIds?: string[];
  countyOrgIds?: string[];
  dates: [Dayjs, Dayjs];
  reportingCycle: ReportingCycle;
  reportDeadlineDay: number;
  weight: number;
}

function useOrgOptions() {
  const orgs = useOrganizations();
  const list = orgs.data ?? [];
  return {
    units: list.filter((o) => o.kind === 'department' || o.kind === 'leading_group').map((o) => ({ value: o.id, label: o.name })),
    counties: list.filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => ({ value: o.id, label: o.name })),
    all: list.filter((o) => o.kind === 'department' || o.kind === 'county' || o.kind === 'zone').map((o) => ({ value: o.id, label: o.name })),
  };
}

export function NodeModal({ mode, task, onClose }: { mode: 'edit' | 'subtask' | 'milestone'; task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NodeForm>();
  const options = useOrgOptions();
  const create = useCreateNode();
  const update = useUpdateNode();
  const run = useRunAction();
  const editing = mode === 'edit';
  const initial: Partial<NodeForm> = editing
    ? {
        title: task.title,
        content: task.content ?? '',
        leadOrgId: task.lead?.id ?? null,
        responsibleOrgIds: task.responsible.map((o) => o.id),
        countyOrgIds: task.counties.map((o) => o.id),
        dates: [dayjs(task.startOn), dayjs(task.dueOn)],
        reportingCycle: task.reportingCycle,
        reportDeadlineDay: task.reportDeadlineDay,
        weight: task.weight,
      }
    : {
        leadOrgId: task.assignment?.org.id ?? task.lead?.id ?? null,
        dates: [dayjs(task.startOn), dayjs(task.dueOn)],
        reportingCycle: task.reportingCycle,
        reportDeadlineDay: task.reportDeadlineDay,
        weight: 1,
      };

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const common = {
      title: v.title,
      content: v.content || null,
      leadOrgId: v.leadOrgId ?? null,
      responsibleOrgIds: v.responsibleOrgIds ?? [],
      countyOrgIds: v.countyOrgIds ?? [],
      startOn: v.dates[0].format('YYYY-MM-DD'),
      dueOn: v.dates[1].format('YYYY-MM-DD'),
      reportingCycle: v.reportingCycle,
      reportDeadlineDay: v.reportDeadlineDay,
      weight: v.weight,
    };
    const ok = editing
      ? await run(() => update.mutateAsync({ id: task.id, body: { ...common, rowVersion: task.rowVersion, confirmDates: true } }), t('supervision.saved'))
      : await run(() => create.mutateAsync({ ...common, parentId: task.id, kind: mode }), t('supervision.saved'));
    if (ok) onClose();
  };

  return (
    <Modal
      open
      title={editing ? t('supervision.actions.edit') : t(mode === 'subtask' ? 'supervision.actions.addSubtask' : 'supervision.actions.addMilestone')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okButtonProps={{ loading: create.isPending || update.isPending, 'data-testid': 'node-save' } as ButtonProps}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false} data-testid="node-form">
        <Form.Item name="title" label={t('supervision.columns.task')} rules={[{ required: true, whitespace: true, message: t('supervision.required') }]}>
          <Input maxLength={200} data-testid="node-title" />
        </Form.Item>
        <Form.Item name="content" label={t('supervision.columns.content')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="dates" label={t('supervision.columns.dates')} rules={[{ required: true, message: t('supervision.required') }]} extra={editing && task.proposed ? t('supervision.saveConfirms') : undefined}>
          <DatePicker.RangePicker allowClear={false} data-testid="node-dates" />
        </Form.Item>
        <Form.Item name="leadOrgId" label={t('supervision.columns.lead')}>
          <Select allowClear showSearch optionFilterProp="label" options={options.units} />
        </Form.Item>
        <Form.Item name="responsibleOrgIds" label={t('supervision.columns.responsible')}>
          <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={options.units} />
        </Form.Item>
        <Form.Item name="countyOrgIds" label={t('supervision.columns.counties')}>
          <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={options.counties} />
        </Form.Item>
        <Form.Item name="reportingCycle" label={t('supervision.columns.cycle')}>
          <Select options={REPORTING_CYCLES.map((c) => ({ value: c, label: t(`supervision.cycles.${c}`) }))} />
        </Form.Item>
        <Form.Item name="reportDeadlineDay" label={t('supervision.columns.deadlineDay')}>
          <InputNumber min={1} max={28} />
        </Form.Item>
        <Form.Item name="weight" label={t('supervision.columns.weight')}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AssignModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ orgId: string; note?: string }>();
  const options = useOrgOptions();
  const assign = useAssign();
  const run = useRunAction();
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (await run(() => assign.mutateAsync({ id: task.id, body: { rowVersion: task.rowVersion, orgId: v.orgId, note: v.note || null } }), t('supervision.assigned'))) onClose();
  };
  return (
    <Modal
      open
      title={task.assignment ? t('supervision.actions.reassign') : t('supervision.actions.assign')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okButtonProps={{ loading: assign.isPending, 'data-testid': 'assign-confirm' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ orgId: task.assignment?.org.id ?? task.lead?.id }} preserve={false}>
        <Form.Item name="orgId" label={t('supervision.assignTo')} rules={[{ required: true, message: t('supervision.required') }]}>
          <Select showSearch optionFilterProp="label" options={options.all} data-testid="assign-org" />
        </Form.Item>
        <Form.Item name="note" label={t('supervision.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
