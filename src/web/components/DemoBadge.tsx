import { ExperimentOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown wherever the system runs on demo data, so no one mistakes it for real figures. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('app.demoTooltip')}>
      <Tag color="volcano" icon={<ExperimentOutlined />} data-testid="demo-badge" style={{ marginInlineEnd: 0, fontWeight: 600 }}>
        {t('app.demoBadge')}
      </Tag>
    </Tooltip>
  );
}
