import { DeleteOutlined, DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { download } from '../../shared/api';
import { useCan } from '../../shared/me';
import { type CadreDetail, deleteCadre, STATUS_COLORS, STATUS_LABELS } from './api';
import { IdNumberReveal } from './IdNumberReveal';
import { PhotoBox } from './PhotoBox';
import { useDict } from './use-dict';

/** Photo, who the cadre is and what they hold now, and the record's actions. */
export function CadreHeader({ cadre }: { cadre: CadreDetail }) {
  const can = useCan();
  const nav = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const levels = useDict('position_level');
  const [exporting, setExporting] = useState(false);
  const exportLrmx = async () => {
    setExporting(true);
    try {
      await download(`/api/v1/cadres/${cadre.id}/lrmx`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const remove = async () => {
    try {
      await deleteCadre(cadre.id);
      message.success('已删除');
      client.invalidateQueries({ queryKey: ['cadres'] });
      nav('/cadres');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'flex-start', flexWrap: 'wrap', marginBottom: 8 }}>
      <PhotoBox cadre={cadre} />
      <div style={{ flex: 1, minWidth: 320 }}>
        <Space align="center" wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {cadre.name}
          </Typography.Title>
          <Tag color={STATUS_COLORS[cadre.status]}>{STATUS_LABELS[cadre.status] ?? cadre.status}</Tag>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="所在单位">{cadre.orgName}</Descriptions.Item>
          <Descriptions.Item label="现任职务">
            {cadre.current.title ?? '—'}
            {cadre.current.level && <Tag style={{ marginLeft: 6 }}>{levels.label(cadre.current.level)}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="性别 / 出生">
            {[cadre.gender, cadre.birthDate && `${cadre.birthDate}（${cadre.age}岁）`]
              .filter(Boolean)
              .join(' / ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="身份证号码">
            <IdNumberReveal cadreId={cadre.id} masked={cadre.idNumberMasked} />
          </Descriptions.Item>
        </Descriptions>
      </div>
      <Space wrap>
        {can('cadre.file') && (
          <Button icon={<FileSearchOutlined />} onClick={() => nav(`/cadres/${cadre.id}/file`)}>
            监督档案
          </Button>
        )}
        {can('cadre.export') && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportLrmx}>
            导出任免审批表
          </Button>
        )}
        {can('cadre.manage') && (
          <Popconfirm
            title={`确定从名册中删除“${cadre.name}”吗？`}
            description="仍有在任职务的干部不能删除；删除后记录保留，仅不再显示。"
            onConfirm={remove}
          >
            <Button danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        )}
      </Space>
    </div>
  );
}
