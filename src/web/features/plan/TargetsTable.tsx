import { Table, Typography } from 'antd';
import type { TableColumnsType as ColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Target } from '../../../shared/plan';
import { ComparatorTag, formatTargetValue } from './target-format';

export function TargetsTable({ targets }: { targets: Target[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const columns: ColumnsType<Target> = [
    { title: t('targets.code'), dataIndex: 'code', width: 72 },
    { title: t('targets.name'), key: 'name', render: (_, r) => (english ? r.nameEn : r.name) },
    { title: t('targets.comparator'), dataIndex: 'comparator', width: 130, render: (_, r) => <ComparatorTag comparator={r.comparator} /> },
    {
      title: t('targets.value'),
      key: 'value',
      align: 'right',
      width: 96,
      render: (_, r) => <Typography.Text strong data-testid="target-value">{formatTargetValue(r)}</Typography.Text>,
    },
    { title: t('targets.unit'), dataIndex: 'unit', width: 72 },
    { title: t('targets.year'), dataIndex: 'year', width: 72 },
    {
      title: t('targets.sourceText'),
      dataIndex: 'sourceText',
      render: (text: string) => <Typography.Text type="secondary">“{text}”</Typography.Text>,
    },
  ];
  return <Table<Target> rowKey="id" size="middle" columns={columns} dataSource={targets} pagination={false} data-testid="targets-table" scroll={{ x: 880 }} />;
}
