import { Table, Typography } from 'antd';

/** One problem of a bad row of an imported sheet, as the server lists them. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** The first problems of an import's bad rows on screen — 行, 列, 原因 — beside the error sheet. */
export function ImportErrorRows({ errors, badRows }: { errors: RowError[]; badRows: number }) {
  return (
    <div style={{ textAlign: 'left' }}>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        有误的行（共 {badRows} 行
        {errors.length < badRows || errors.length === 50 ? `，以下列出前 ${errors.length} 条` : ''}）
      </Typography.Paragraph>
      <Table<RowError & { key: number }>
        size="small"
        rowKey="key"
        dataSource={errors.map((e, key) => ({ ...e, key }))}
        pagination={errors.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: '行', dataIndex: 'row', width: 70 },
          { title: '列', dataIndex: 'column', width: 140 },
          { title: '原因', dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
