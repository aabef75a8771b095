// The expanded row of a project: every light with the figures behind it in words, then the annual
// plans and milestones.
import { Col, List, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../shared/registries';
import { fmt, LightTag } from '../targets/format';

const LIGHTS = [['start', 'startLight'], ['progress', 'progressLight'], ['funds', 'fundsLight'], ['milestones', 'milestonesLight']] as const;

export function ProjectDetails({ p }: { p: Project }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const k = (key: string) => t(`registry.project.${key}` as 'registry.project.title');
  const l = p.lights;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <List
          size="small" bordered data-testid="project-light-reasons" dataSource={[...LIGHTS]}
          renderItem={([light, label]) => (
            <List.Item data-light-key={light}>
              <Space align="start">
                <span style={{ whiteSpace: 'nowrap' }}>{k(label)} <LightTag light={l[light]} /></span>
                <Typography.Text style={{ fontSize: 12 }}>{l.reasons ? (en ? l.reasons[light].en : l.reasons[light].zh) : '—'}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Col>
      <Col xs={24} lg={5}>
        <Typography.Text strong>{k('annualPlans')}</Typography.Text>
        <List size="small" dataSource={p.annualPlans} renderItem={(a) => <List.Item>{`${a.year}: ${fmt(a.planned, 0)} ${k('unit10k')}`}</List.Item>} />
      </Col>
      <Col xs={24} lg={7}>
        <Typography.Text strong>{k('milestones')}</Typography.Text>
        <List size="small" dataSource={p.milestones} renderItem={(m) => <List.Item>{`${m.name} · ${m.plannedOn}${m.doneOn ? ` ✓ ${m.doneOn}` : ` · ${k('open')}`}`}</List.Item>} />
      </Col>
    </Row>
  );
}
