import { Col, Empty, Row, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSection } from '../../../shared/plan';
import { sectionHeading, sectionsByKey } from './sections';

const toTreeData = (sections: PlanSection[]): TreeDataNode[] =>
  sections.map((s) => ({ key: s.key, title: sectionHeading(s), children: toTreeData(s.children) }));

/** The outline tree on the left; the selected section's text on the right. */
export function PlanOutline({ sections }: { sections: PlanSection[] }) {
  const { t } = useTranslation();
  const treeData = useMemo(() => toTreeData(sections), [sections]);
  const byKey = useMemo(() => sectionsByKey(sections), [sections]);
  const [selected, setSelected] = useState<string | undefined>(sections[0]?.key);
  const section = selected ? byKey.get(selected)?.section : undefined;

  return (
    <Row gutter={24}>
      <Col xs={24} md={10} xl={9}>
        <div style={{ maxHeight: 560, overflow: 'auto' }}>
          <Tree
            blockNode
            defaultExpandAll
            treeData={treeData}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => keys[0] !== undefined && setSelected(String(keys[0]))}
            data-testid="plan-outline"
          />
        </div>
      </Col>
      <Col xs={24} md={14} xl={15}>
        <div style={{ maxHeight: 560, overflow: 'auto' }} data-testid="section-body">
          {section ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {sectionHeading(section)}
              </Typography.Title>
              {section.body ? (
                section.body.split(/\n\s*\n/).map((p, i) => (
                  <Typography.Paragraph key={i} style={{ textIndent: '2em', lineHeight: 1.9 }}>
                    {p}
                  </Typography.Paragraph>
                ))
              ) : (
                <Typography.Text type="secondary">{t('plan.noBody')}</Typography.Text>
              )}
            </>
          ) : (
            <Empty description={t('plan.selectSection')} />
          )}
        </div>
      </Col>
    </Row>
  );
}
