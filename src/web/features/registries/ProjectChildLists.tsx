// The project's child rows in the edit dialog: annual plans, monthly investment, milestones, funds.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Form, Input, InputNumber, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from './fields';

type Field = { name: string; label: string; input: ReactNode; width: number; required?: boolean };

function ChildList({ name, title, fields }: { name: string; title: string; fields: Field[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Divider orientation="left" plain style={{ margin: '8px 0' }}>{title}</Divider>
      <Form.List name={name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Space key={row.key} align="baseline" wrap>
                {fields.map((f) => (
                  <Form.Item key={f.name} name={[row.name, f.name]} rules={f.required ? [{ required: true, message: f.label }] : []} style={{ width: f.width, marginBottom: 8 }}>
                    {f.input}
                  </Form.Item>
                ))}
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('registry.delete')} />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>{t('registry.project.addRow')}</Button>
          </>
        )}
      </Form.List>
    </>
  );
}

export function ProjectChildLists() {
  const { t } = useTranslation();
  const p = (k: string) => t(`registry.project.${k}` as 'registry.project.year');
  const num = (ph: string) => <InputNumber placeholder={ph} min={0} style={{ width: '100%' }} />;
  return (
    <>
      <ChildList name="annualPlans" title={p('annualPlans')} fields={[
        { name: 'year', label: p('year'), input: <InputNumber placeholder={p('year')} min={2000} max={2100} style={{ width: '100%' }} />, width: 110, required: true },
        { name: 'planned', label: p('planned'), input: num(p('planned')), width: 160, required: true },
      ]} />
      <ChildList name="investments" title={p('investments')} fields={[
        { name: 'period', label: p('period'), input: <Input placeholder={p('period')} />, width: 140, required: true },
        { name: 'amount', label: p('amount'), input: num(p('amount')), width: 160, required: true },
      ]} />
      <ChildList name="milestones" title={p('milestones')} fields={[
        { name: 'name', label: p('milestone'), input: <Input placeholder={p('milestone')} />, width: 200, required: true },
        { name: 'plannedOn', label: p('plannedOn'), input: <DateInput />, width: 150, required: true },
        { name: 'doneOn', label: p('doneOn'), input: <DateInput />, width: 150 },
      ]} />
      <ChildList name="funds" title={p('funds')} fields={[
        { name: 'source', label: p('fundSource'), input: <Input placeholder={p('fundSource')} />, width: 180, required: true },
        { name: 'period', label: p('period'), input: <Input placeholder={p('period')} />, width: 120, required: true },
        { name: 'planned', label: p('planned'), input: num(p('planned')), width: 130, required: true },
        { name: 'disbursed', label: p('disbursed'), input: num(p('disbursed')), width: 130, required: true },
      ]} />
    </>
  );
}
