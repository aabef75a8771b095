// The validation rules (left expression, operator, right expression over indicator codes, with a
// missing-value strategy); users who may change the catalogue add or edit them.
import { App, Button, Card, Col, Form, Input, Modal, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MISSING_STRATEGIES, RULE_OPERATORS, type ValidationRule } from '../../../shared/statistics';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/hooks';
import { useRules, useSaveRule } from '../../api/statistics';
import { QueryResult } from '../../components/QueryResult';

export const OPERATOR_LABELS: Record<string, string> = { '==': '=', '!=': '≠', '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

type RuleForm = Omit<ValidationRule, 'builtin'>;

export function RulesCard() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const me = useMe();
  const canEdit = !!me.data?.permissions.indicator?.update;
  const rules = useRules();
  const save = useSaveRule();
  const [editing, setEditing] = useState<{ open: boolean; rule: ValidationRule | null }>({ open: false, rule: null });
  const [form] = Form.useForm<RuleForm>();
  const op = (o: string) => (o === 'compulsory_pair' || o === 'exclusive_pair' ? t(`statistics.operators.${o}`) : (OPERATOR_LABELS[o] ?? o));

  const open = (rule: ValidationRule | null) => {
    form.setFieldsValue(rule ?? { code: '', name: '', nameEn: '', kind: 'expression', leftExpr: '', operator: '<=', rightExpr: '', missingStrategy: 'skip_if_any_missing', active: true });
    setEditing({ open: true, rule });
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await save.mutateAsync(v);
      void message.success(t('enterpriseRegistry.saved'));
      setEditing({ open: false, rule: null });
    } catch (err) {
      if (err instanceof ApiError) form.setFields(err.issues.filter((i) => ['leftExpr', 'rightExpr', 'code'].includes(i.path)).map((i) => ({ name: i.path as keyof RuleForm, errors: [i.message] })));
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Card size="small" title={t('statistics.rules')} extra={canEdit && <Button size="small" onClick={() => open(null)}>{t('statistics.addRule')}</Button>}>
      <QueryResult query={rules}>
        {(list) => (
          <Table<ValidationRule>
            size="small" rowKey="code" dataSource={list} pagination={false} data-testid="rules-table"
            columns={[
              { title: t('statistics.rule'), key: 'name', render: (_, r) => <>{en ? r.nameEn : r.name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text></> },
              {
                title: t('statistics.expression'), key: 'expr',
                render: (_, r) => (r.kind === 'ytd_non_decreasing' ? t('statistics.ytdRule') : <Typography.Text code>{r.leftExpr} {op(r.operator)} {r.rightExpr}</Typography.Text>),
              },
              { title: t('statistics.missing'), key: 'missing', width: 150, render: (_, r) => t(`statistics.missingStrategies.${r.missingStrategy}`) },
              { title: t('enterpriseRegistry.active'), key: 'active', width: 80, render: (_, r) => (r.active ? <Tag color="green">{t('enterpriseRegistry.yes')}</Tag> : <Tag>{t('enterpriseRegistry.no')}</Tag>) },
              ...(canEdit ? [{ title: '', key: 'edit', width: 70, render: (_: unknown, r: ValidationRule) => <Button size="small" type="link" onClick={() => open(r)}>{t('enterpriseRegistry.edit')}</Button> }] : []),
            ]}
          />
        )}
      </QueryResult>
      <Modal open={editing.open} width={720} title={editing.rule ? editing.rule.code : t('statistics.addRule')} onCancel={() => setEditing({ open: false, rule: null })} onOk={() => void submit()} confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Row gutter={12}>
            <Col span={8}><Form.Item name="code" label={t('statistics.ruleCode')} rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_]{1,40}$/ }]}><Input disabled={!!editing.rule} /></Form.Item></Col>
            <Col span={8}><Form.Item name="name" label={t('statistics.ruleName')} rules={[{ required: true }]}><Input /></Form.Item></Col>
            <Col span={8}><Form.Item name="nameEn" label={t('statistics.ruleNameEn')} rules={[{ required: true }]}><Input /></Form.Item></Col>
            <Form.Item name="kind" hidden><Input /></Form.Item>
            <Col span={10}><Form.Item name="leftExpr" label={t('statistics.left')} rules={[{ required: true }]}><Input style={{ fontFamily: 'monospace' }} /></Form.Item></Col>
            <Col span={4}><Form.Item name="operator" label=" "><Select options={RULE_OPERATORS.map((o) => ({ value: o, label: op(o) }))} /></Form.Item></Col>
            <Col span={10}><Form.Item name="rightExpr" label={t('statistics.right')}><Input style={{ fontFamily: 'monospace' }} /></Form.Item></Col>
            <Col span={12}><Form.Item name="missingStrategy" label={t('statistics.missing')}><Select options={MISSING_STRATEGIES.map((m) => ({ value: m, label: t(`statistics.missingStrategies.${m}`) }))} /></Form.Item></Col>
            <Col span={12}><Form.Item name="active" label={t('enterpriseRegistry.active')} valuePropName="checked"><Switch /></Form.Item></Col>
          </Row>
        </Form>
      </Modal>
    </Card>
  );
}
