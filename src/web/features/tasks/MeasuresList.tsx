import { List, Space, Tag, Typography } from 'antd';
import type { Measure } from '../../../shared/plan';

/** The plan's safeguard measures (保障措施), each with its full text. */
export function MeasuresList({ measures }: { measures: Measure[] }) {
  return (
    <List<Measure>
      dataSource={measures}
      rowKey="id"
      data-testid="measures-list"
      renderItem={(m) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space>
                <Tag color="purple">{m.code}</Tag>
                {m.title}
              </Space>
            }
            description={
              <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>
                {m.content}
              </Typography.Paragraph>
            }
          />
        </List.Item>
      )}
    />
  );
}
