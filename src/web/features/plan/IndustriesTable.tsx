import { Space, Table, Tag } from 'antd';
import type { TableColumnsType as ColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanIndustry } from '../../../shared/plan';

export function IndustriesTable({ industries }: { industries: PlanIndustry[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const columns: ColumnsType<PlanIndustry> = [
    { title: t('industries.name'), key: 'name', width: 240, render: (_, r) => (english ? r.nameEn : r.name) },
    {
      title: t('industries.categories'),
      key: 'categories',
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {r.seiCategories.map((c) => (
            <Tag key={c.code}>
              {c.code} {c.name}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  return <Table<PlanIndustry> rowKey="id" size="middle" columns={columns} dataSource={industries} pagination={false} data-testid="industries-table" />;
}
