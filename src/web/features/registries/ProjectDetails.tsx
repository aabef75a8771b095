// The expanded row of a project: its lights' figures, annual plans, milestones and funds.
import { Col, Descriptions, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../shared/registries';
import { fmt } from '../targets/format';

export function ProjectDetails({ p }: { p: Project }) {
  const { t } = useTranslation();
  const k = (key: string) => t(`registry.project.${key}` as 'registry.project.title');
  const l = p.lights;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={8}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={k('startLight')}>{l.startLateMonths == null ? '—' : `+${l.startLateMonths}`}</Descriptions.Item>
          <Descriptions.Item label={k('progressLight')}>{l.annualPlanned == null ? '—' : `${fmt(l.doneThisYear, 0)} / ${fmt(l.annualPlanned, 0)} · ${fmt(l.donePct, 1)}% / ${fmt(l.expectedPct, 1)}%`}</Descriptions.Item>
          <Descriptions.Item label={k('fundsLight')}>{`${fmt(l.fundsDisbursed, 0)} / ${fmt(l.fundsPlanned, 0)}`}</Descriptions.Item>
        </Descriptions>
      </Col>
      <Col xs={24} lg={8}>
        <Typography.Text strong>{k('annualPlans')}</Typography.Text>
        <List size="small" dataSource={p.annualPlans} renderItem={(a) => <List.Item>{`${a.year}: ${fmt(a.planned, 0)}`}</List.Item>} />
      </Col>
      <Col xs={24} lg={8}>
        <Typography.Text strong>{k('milestones')}</Typography.Text>
        <List size="small" dataSource={p.milestones} renderItem={(m) => <List.Item>{`${m.name} · ${m.plannedOn}${m.doneOn ? ` ✓ ${m.doneOn}` : ''}`}</List.Item>} />
      </Col>
    </Row>
  );
}
