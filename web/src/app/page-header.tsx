import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title row of a page with optional actions on the right. */
export function PageHeader({ title, extra, subtitle }: { readonly title: string; readonly extra?: ReactNode; readonly subtitle?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra}
    </Flex>
  );
}
