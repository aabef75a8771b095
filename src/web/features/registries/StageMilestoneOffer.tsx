// Completing a project's stage offers to close the milestones it stands for (竣工 → 「竣工投产」),
// so the 节点 light does not stay red for a milestone the stage already claims.
import { Alert, Button, DatePicker, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { milestonesDoneByStage, type ProjectInput, type ProjectStage } from '../../../shared/registries';

type Milestone = ProjectInput['milestones'][number];

export function StageMilestoneOffer() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const stage = Form.useWatch('stage', form) as ProjectStage | null | undefined;
  const milestones = (Form.useWatch('milestones', form) as Milestone[] | undefined) ?? [];
  const [on, setOn] = useState(dayjs().format('YYYY-MM-DD'));
  const open = milestonesDoneByStage(stage ?? null, milestones.filter((m) => m?.name).map((m) => ({ ...m, doneOn: m.doneOn ?? null })));
  if (!open.length) return null;
  const close = () => {
    const names = new Set(open.map((m) => m.name));
    form.setFieldValue('milestones', milestones.map((m) => (m && names.has(m.name) && !m.doneOn ? { ...m, doneOn: on } : m)));
  };
  return (
    <Alert
      type="warning" showIcon style={{ marginBottom: 12 }} data-testid="stage-milestone-offer"
      message={t('registry.project.closeMilestoneOffer', { names: open.map((m) => `「${m.name}」`).join('、') })}
      action={(
        <Space>
          <DatePicker size="small" allowClear={false} value={dayjs(on)} onChange={(d) => d && setOn(d.format('YYYY-MM-DD'))} aria-label={t('registry.project.doneOn')} />
          <Button size="small" type="primary" onClick={close}>{t('registry.project.closeMilestone')}</Button>
        </Space>
      )}
    />
  );
}
