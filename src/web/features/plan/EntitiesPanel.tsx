import { Space, Table, Tabs, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanEntity, PlanSection } from '../../../shared/plan';
import { ENTITY_KINDS } from '../../../shared/plan-file';
import { sectionHeading, sectionsByKey } from './sections';

/** Counties, parks, enterprises … the plan names, one tab per kind. */
export function EntitiesPanel({ entities, sections }: { entities: PlanEntity[]; sections: PlanSection[] }) {
  const { t } = useTranslation();
  const byKey = useMemo(() => sectionsByKey(sections), [sections]);

  const columns: TableColumnsType<PlanEntity> = [
    { title: t('entities.name'), dataIndex: 'name', width: 260 },
    {
      title: t('entities.aliases'),
      key: 'aliases',
      render: (_, e) => (
        <Space size={[4, 4]} wrap>
          {e.aliases.map((a) => (
            <Tag key={a}>{a}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('entities.sections'),
      key: 'sections',
      width: 320,
      render: (_, e) => (
        <Space size={[4, 4]} wrap>
          {e.sectionKeys.map((key) => {
            const found = byKey.get(key);
            return (
              <Tooltip key={key} title={found ? sectionHeading(found.section) : key}>
                <Tag color="blue">{found?.fullNumber ?? key}</Tag>
              </Tooltip>
            );
          })}
        </Space>
      ),
    },
  ];

  const items = ENTITY_KINDS.map((kind) => ({ kind, list: entities.filter((e) => e.kind === kind) }))
    .filter((g) => g.list.length > 0)
    .map(({ kind, list }) => ({
      key: kind,
      label: `${t(`entities.kinds.${kind}`)} (${list.length})`,
      children: <Table<PlanEntity> rowKey="id" size="small" columns={columns} dataSource={list} pagination={{ pageSize: 10, hideOnSinglePage: true }} />,
    }));

  return <Tabs items={items} data-testid="entities-tabs" />;
}
