// The scheme editor: name, subjects, weighting, scoring and missing-value rule; the criteria tree
// (groups of criteria drawn from the catalogue) with the AHP pairwise grid of the groups and of each
// group, CR shown live. Saving names the version read (a stale save answers 409 with the server's words).
import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionInfo, Scheme, SchemeDefinition, SchemeInput } from '../../../shared/evaluation';
import { MISSING_RULES, SCORINGS, WEIGHTINGS } from '../../../shared/evaluation';
import { useSaveScheme } from '../../api/evaluation';
import { PairwiseGrid } from './PairwiseGrid';

const ones = (n: number) => Array.from({ length: n }, () => Array.from({ length: n }, () => 1 as number | string));
const resize = (m: (number | string)[][] | undefined, n: number) => (m && m.length === n ? m : ones(n));

export function SchemeEditor({ scheme, criteria, canEdit }: { scheme: Scheme; criteria: CriterionInfo[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveScheme();
  const [draft, setDraft] = useState<SchemeInput>({ name: scheme.name, description: scheme.description, definition: scheme.definition });
  const def = draft.definition;
  const pick = (l: { zh: string; en: string }) => (i18n.language === 'en' ? l.en : l.zh);
  const nameOf = (source: string) => { const c = criteria.find((x) => x.source === source); return c ? pick(c.name) : source; };
  const setDef = (patch: Partial<SchemeDefinition>) => setDraft((d) => ({ ...d, definition: { ...d.definition, ...patch } }));
  const setGroup = (gi: number, patch: Partial<SchemeDefinition['groups'][number]>) => setDef({ groups: def.groups.map((g, i) => (i === gi ? { ...g, ...patch } : g)) });
  const usesAhp = def.weighting === 'ahp' || def.weighting === 'combined';
  const available = criteria.filter((c) => c.subjects.includes(def.subjectKind));

  const onSave = () => save.mutate({ id: scheme.id, rowVersion: scheme.rowVersion, input: draft }, {
    onSuccess: () => void message.success(t('evaluation.saved')),
    onError: (e) => void message.error(e.message),
  });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="scheme-editor">
      <Form layout="inline" disabled={!canEdit}>
        <Form.Item label={t('evaluation.name')}><Input style={{ width: 320 }} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="scheme-name" /></Form.Item>
        <Form.Item label={t('evaluation.subjectKind')}><Typography.Text>{t(`evaluation.subjects.${def.subjectKind}`)}</Typography.Text></Form.Item>
        <Form.Item label={t('evaluation.weighting')}>
          <Select style={{ width: 180 }} value={def.weighting} onChange={(v) => setDef({ weighting: v })} options={WEIGHTINGS.map((w) => ({ value: w, label: t(`evaluation.weightings.${w}`) }))} />
        </Form.Item>
        <Form.Item label={t('evaluation.scoring')}>
          <Select style={{ width: 160 }} value={def.scoring} onChange={(v) => setDef({ scoring: v })} options={SCORINGS.map((s) => ({ value: s, label: t(`evaluation.scorings.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('evaluation.missing')}>
          <Select style={{ width: 220 }} value={def.missing} onChange={(v) => setDef({ missing: v })} options={MISSING_RULES.map((m) => ({ value: m, label: t(`evaluation.missings.${m}`) }))} />
        </Form.Item>
      </Form>
      {usesAhp && def.groups.length > 1 && (
        <Card size="small" title={t('evaluation.pairwiseGroups')}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('evaluation.pairwiseHint')}</Typography.Paragraph>
          <PairwiseGrid testId="pairwise-groups" editable={canEdit} labels={def.groups.map((g) => g.name)} value={resize(def.pairwise, def.groups.length)} onChange={(m) => setDef({ pairwise: m })} />
        </Card>
      )}
      {def.groups.map((g, gi) => (
        <Card key={g.key} size="small" title={`${t('evaluation.group')}：${g.name}`} data-testid={`group-${g.key}`}>
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <Select mode="multiple" style={{ width: '100%' }} disabled={!canEdit} value={g.criteria.map((c) => c.source)} aria-label={t('evaluation.criteria')}
              options={available.map((c) => ({ value: c.source, label: `${pick(c.name)}（${c.unit}，${c.direction === 1 ? t('evaluation.benefit') : t('evaluation.cost')}）` }))}
              onChange={(sources: string[]) => { if (sources.length) setGroup(gi, { criteria: sources.map((s) => g.criteria.find((c) => c.source === s) ?? { source: s }), pairwise: ones(sources.length) }); }} />
            {usesAhp && g.criteria.length > 1 && (
              <PairwiseGrid testId={`pairwise-${g.key}`} editable={canEdit} labels={g.criteria.map((c) => nameOf(c.source))} value={resize(g.pairwise, g.criteria.length)} onChange={(m) => setGroup(gi, { pairwise: m })} />
            )}
          </Space>
        </Card>
      ))}
      {canEdit && <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="scheme-save">{t('evaluation.save')}</Button>}
    </Space>
  );
}
