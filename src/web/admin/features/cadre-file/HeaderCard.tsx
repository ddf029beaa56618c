import { UserOutlined } from '@ant-design/icons';
import { Avatar, Card, Descriptions, Image, Space, Tag, Typography } from 'antd';
import { type CadreFile, photoUrl, STATUS_LABELS } from './api';

/** Who the file is about: photo, name, unit, post and the basic data (ID number masked). */
export function HeaderCard({ cadre }: { cadre: CadreFile['cadre'] }) {
  const dash = (v: string | number | null) => (v === null || v === '' ? '—' : v);
  return (
    <Card size="small">
      <Space align="start" size={24} wrap>
        {cadre.hasPhoto ? (
          <Image
            src={photoUrl(cadre.id)}
            alt={`${cadre.name}的照片`}
            width={96}
            height={128}
            style={{ objectFit: 'cover', border: '1px solid #eee' }}
            preview={false}
          />
        ) : (
          <Avatar shape="square" size={96} icon={<UserOutlined />} aria-label="无照片" />
        )}
        <div>
          <Space align="baseline">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {cadre.name}
            </Typography.Title>
            <Tag color={cadre.status === 'active' ? 'green' : 'default'}>
              {STATUS_LABELS[cadre.status] ?? cadre.status}
            </Tag>
          </Space>
          <Typography.Paragraph style={{ margin: '4px 0 12px' }}>
            {cadre.orgName}
            {cadre.post ? ` · ${cadre.post}` : ''}
            {cadre.postLevel ? `（${cadre.postLevel}）` : ''}
          </Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label="性别">{dash(cadre.gender)}</Descriptions.Item>
            <Descriptions.Item label="年龄">{cadre.age === null ? '—' : `${cadre.age} 岁`}</Descriptions.Item>
            <Descriptions.Item label="出生日期">{dash(cadre.birthDate)}</Descriptions.Item>
            <Descriptions.Item label="民族">{dash(cadre.ethnicity)}</Descriptions.Item>
            <Descriptions.Item label="学历">{dash(cadre.education)}</Descriptions.Item>
            <Descriptions.Item label="政治面貌">{dash(cadre.politicalStatus)}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{dash(cadre.idNumberMasked)}</Descriptions.Item>
          </Descriptions>
        </div>
      </Space>
    </Card>
  );
}
