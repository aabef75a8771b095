// The normalised text with every recognised target and entity marked (colour per kind, name on hover).
import { Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedPlan } from '../../../shared/plan-parse';

export const KIND_COLORS: Record<string, string> = {
  targets: '#ffd666', counties: '#91caff', enterprises: '#b7eb8f', institutions: '#d3adf7', parks: '#87e8de', projects: '#ffadd2', departments: '#ffbb96',
};

interface Mark {
  start: number;
  end: number;
  kind: string;
  label: string;
}

export function marksOf(parsed: ParsedPlan): Mark[] {
  const marks: Mark[] = parsed.targets.map((t) => ({ start: t.start, end: t.end, kind: 'targets', label: `${t.indicator} ${t.comparator} ${t.value ?? '?'}${t.unit}` }));
  for (const [kind, list] of Object.entries(parsed.entities)) {
    for (const e of list as ParsedPlan['entities']['counties']) for (const [start, end] of e.spans) if (end - start <= e.name.length + 4) marks.push({ start, end, kind, label: e.name });
  }
  // targets first, then longer names: an overlapping later mark is dropped
  marks.sort((a, b) => a.start - b.start || (a.kind === 'targets' ? -1 : b.kind === 'targets' ? 1 : b.end - a.end));
  const kept: Mark[] = [];
  let until = -1;
  for (const m of marks) {
    if (m.start >= until) {
      kept.push(m);
      until = m.end;
    }
  }
  return kept;
}

export function HighlightedText({ parsed }: { parsed: ParsedPlan }) {
  const { t } = useTranslation();
  const nodes = useMemo(() => {
    const out: ReactNode[] = [];
    let at = 0;
    for (const m of marksOf(parsed)) {
      if (m.start > at) out.push(parsed.text.slice(at, m.start));
      out.push(
        <mark key={m.start} data-kind={m.kind} title={`${t(`planParse.groups.${m.kind as 'targets'}`)}：${m.label}`} style={{ background: KIND_COLORS[m.kind], padding: '0 1px', borderRadius: 2 }}>
          {parsed.text.slice(m.start, m.end)}
        </mark>,
      );
      at = m.end;
    }
    out.push(parsed.text.slice(at));
    return out;
  }, [parsed, t]);
  return (
    <div data-testid="plan-parse-highlighted" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, maxHeight: '75vh', overflow: 'auto', fontSize: 14 }}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {Object.entries(KIND_COLORS).map(([k, c]) => (
          <span key={k} style={{ background: c, padding: '0 6px', marginRight: 6, borderRadius: 2, fontSize: 12 }}>{t(`planParse.groups.${k as 'targets'}`)}</span>
        ))}
      </Typography.Paragraph>
      {nodes}
    </div>
  );
}
