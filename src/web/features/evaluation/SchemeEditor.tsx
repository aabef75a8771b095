// The scheme editor, for a new scheme or an existing one: name, description, subjects, weighting (AHP,
// entropy, fixed, combined with its mode and α), scoring (TOPSIS with its normalisation, grey relational
// with ρ, weighted sum) and the missing-value rule; the criteria tree (CriteriaGroups) with the AHP grids,
// CR shown live. Saving an edit names the version read (a stale save answers 409 with the server's words);
// a refusal is shown with the fields it names.
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionInfo, Scheme, SchemeDefinition, SchemeInput } from '../../../shared/evaluation';
import { MISSING_RULES, SCORINGS, SUBJECT_KINDS, WEIGHTINGS } from '../../../shared/evaluation';
import { ApiError } from '../../api/client';
import { useSaveScheme } from '../../api/evaluation';
import { CriteriaGroups, resize } from './CriteriaGroups';
import { PairwiseGrid } from './PairwiseGrid';

/** What a new scheme starts from: counties, one empty group, fixed weights, TOPSIS, exclude. */
export function blankScheme(groupName: string): SchemeInput {
  return {
    name: '', description: '',
    definition: {
      subjectKind: 'county', weighting: 'fixed', ahpVariant: 'eigenvector', combine: { mode: 'product', alpha: 0.5 },
      scoring: 'topsis', topsisVariant: 'vector', rho: 0.5, missing: 'exclude',
      groups: [{ key: 'g1', name: groupName, criteria: [] }],
    },
  };
}

/** The draft as sent: AHP matrices sized to the tree (untouched grids are all 1), stale sizes dropped otherwise. */
export function prepare(draft: SchemeInput): SchemeInput {
  const d = draft.definition;
  const ahp = d.weighting === 'ahp' || d.weighting === 'combined';
  const sized = (m: (number | string)[][] | undefined, n: number) => (ahp ? resize(m, n) : m && m.length === n ? m : undefined);
  return {
    ...draft,
    definition: { ...d, pairwise: sized(d.pairwise, d.groups.length), groups: d.groups.map((g) => ({ ...g, pairwise: sized(g.pairwise, g.criteria.length) })) },
  };
}

interface Props {
  /** Absent: a new scheme. */
  scheme?: Scheme;
  criteria: CriterionInfo[];
  canEdit: boolean;
  onSaved?: (s: Scheme) => void;
  onCancel?: () => void;
}

export function SchemeEditor({ scheme, criteria, canEdit, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveScheme();
  const [draft, setDraft] = useState<SchemeInput>(() => (scheme ? { name: scheme.name, description: scheme.description, definition: scheme.definition } : blankScheme(t('evaluation.newGroup', { n: 1 }))));
  const [error, setError] = useState<{ message: string; fields: string[] } | null>(null);
  const def = draft.definition;
  const setDef = (patch: Partial<SchemeDefinition>) => setDraft((d) => ({ ...d, definition: { ...d.definition, ...patch } }));
  const usesAhp = def.weighting === 'ahp' || def.weighting === 'combined';
  const onSubjectKind = (kind: SchemeDefinition['subjectKind']) => {
    // Criteria not offered for the new kind of subject leave the tree (a scheme may not keep them).
    const allowed = new Set(criteria.filter((c) => c.subjects.includes(kind)).map((c) => c.source));
    setDef({ subjectKind: kind, groups: def.groups.map((g) => { const kept = g.criteria.filter((c) => allowed.has(c.source)); return { ...g, criteria: kept, pairwise: kept.length === g.criteria.length ? g.pairwise : undefined }; }) });
  };

  const onSave = () => {
    setError(null);
    save.mutate({ id: scheme?.id, rowVersion: scheme?.rowVersion, input: prepare(draft) }, {
      onSuccess: (s) => { void message.success(t(scheme ? 'evaluation.saved' : 'evaluation.created')); onSaved?.(s); },
      onError: (e) => setError({ message: e.message, fields: e instanceof ApiError ? e.issues.map((i) => i.path).filter(Boolean) : [] }),
    });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="scheme-editor">
      <Form layout="inline" disabled={!canEdit} style={{ rowGap: 8 }}>
        <Form.Item label={t('evaluation.name')} required><Input style={{ width: 320 }} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-testid="scheme-name" /></Form.Item>
        <Form.Item label={t('evaluation.description')}><Input style={{ width: 420 }} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} data-testid="scheme-description" /></Form.Item>
      </Form>
      <Form layout="inline" disabled={!canEdit} style={{ rowGap: 8 }}>
        <Form.Item label={t('evaluation.subjectKind')}>
          <Select style={{ width: 160 }} value={def.subjectKind} onChange={onSubjectKind} data-testid="scheme-subject-kind" options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`evaluation.subjects.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('evaluation.weighting')}>
          <Select style={{ width: 180 }} value={def.weighting} onChange={(v) => setDef({ weighting: v })} data-testid="scheme-weighting" options={WEIGHTINGS.map((w) => ({ value: w, label: t(`evaluation.weightings.${w}`) }))} />
        </Form.Item>
        {usesAhp && (
          <Form.Item label={t('evaluation.ahpVariant')}>
            <Select style={{ width: 200 }} value={def.ahpVariant} onChange={(v) => setDef({ ahpVariant: v })} options={(['eigenvector', 'column_mean'] as const).map((v) => ({ value: v, label: t(`evaluation.ahpVariants.${v}`) }))} />
          </Form.Item>
        )}
        {def.weighting === 'combined' && (
          <Form.Item label={t('evaluation.combineMode')}>
            <Select style={{ width: 210 }} value={def.combine.mode} onChange={(mode) => setDef({ combine: { ...def.combine, mode } })} data-testid="combine-mode" options={(['product', 'linear'] as const).map((m) => ({ value: m, label: t(`evaluation.combineModes.${m}`) }))} />
          </Form.Item>
        )}
        {def.weighting === 'combined' && def.combine.mode === 'linear' && (
          <Form.Item label={t('evaluation.alpha')}>
            <InputNumber min={0} max={1} step={0.1} value={def.combine.alpha} onChange={(v) => setDef({ combine: { ...def.combine, alpha: v ?? 0.5 } })} data-testid="combine-alpha" />
          </Form.Item>
        )}
      </Form>
      <Form layout="inline" disabled={!canEdit} style={{ rowGap: 8 }}>
        <Form.Item label={t('evaluation.scoring')}>
          <Select style={{ width: 170 }} value={def.scoring} onChange={(v) => setDef({ scoring: v })} data-testid="scheme-scoring" options={SCORINGS.map((s) => ({ value: s, label: t(`evaluation.scorings.${s}`) }))} />
        </Form.Item>
        {def.scoring === 'topsis' && (
          <Form.Item label={t('evaluation.topsisVariant')}>
            <Select style={{ width: 160 }} value={def.topsisVariant} onChange={(v) => setDef({ topsisVariant: v })} options={(['vector', 'minmax'] as const).map((v) => ({ value: v, label: t(`evaluation.topsisVariants.${v}`) }))} />
          </Form.Item>
        )}
        {def.scoring === 'gra' && (
          <Form.Item label={t('evaluation.rho')}>
            <InputNumber min={0.01} max={1} step={0.1} value={def.rho} onChange={(v) => setDef({ rho: v ?? 0.5 })} data-testid="scheme-rho" />
          </Form.Item>
        )}
        <Form.Item label={t('evaluation.missing')}>
          <Select style={{ width: 220 }} value={def.missing} onChange={(v) => setDef({ missing: v })} data-testid="scheme-missing" options={MISSING_RULES.map((m) => ({ value: m, label: t(`evaluation.missings.${m}`) }))} />
        </Form.Item>
      </Form>
      {usesAhp && def.groups.length > 1 && (
        <Card size="small" title={t('evaluation.pairwiseGroups')}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('evaluation.pairwiseHint')}</Typography.Paragraph>
          <PairwiseGrid testId="pairwise-groups" editable={canEdit} labels={def.groups.map((g) => g.name)} value={resize(def.pairwise, def.groups.length)} onChange={(m) => setDef({ pairwise: m })} />
        </Card>
      )}
      <CriteriaGroups def={def} criteria={criteria} canEdit={canEdit} onChange={(groups) => setDef({ groups, pairwise: groups.length === def.groups.length ? def.pairwise : undefined })} />
      {error && <Alert type="error" showIcon message={t('evaluation.saveFailed')} description={<>{error.message}{error.fields.length > 0 && <div>{error.fields.join('、')}</div>}</>} data-testid="scheme-error" />}
      {canEdit && (
        <Space>
          <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="scheme-save">{t('evaluation.save')}</Button>
          {onCancel && <Button onClick={onCancel} data-testid="scheme-cancel">{t('evaluation.cancel')}</Button>}
        </Space>
      )}
    </Space>
  );
}
