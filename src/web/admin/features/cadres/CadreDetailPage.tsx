import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin, Tabs } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api';
import { useCan } from '../../shared/me';
import { fetchCadre } from './api';
import { CadreEditForm } from './CadreEditForm';
import { CadreHeader } from './CadreHeader';
import { CadreView } from './CadreView';
import { ConcurrentPostsTab } from './ConcurrentPostsTab';
import { FamilyTab } from './FamilyTab';
import { TenuresTab } from './TenuresTab';

/** One cadre: basic data (edit with version), posts, concurrent posts, family. */
export default function CadreDetailPage() {
  const id = Number(useParams().id);
  const nav = useNavigate();
  const [search, setSearch] = useSearchParams();
  const can = useCan();
  const cadre = useQuery({
    queryKey: ['cadres', 'detail', id],
    queryFn: () => fetchCadre(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (cadre.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!cadre.data) {
    const gone = cadre.error instanceof ApiError && cadre.error.status === 404;
    return (
      <Result
        status={gone || !cadre.error ? '404' : 'error'}
        title={gone || !cadre.error ? '干部不存在，或您无权查看' : '加载失败'}
        subTitle={gone ? undefined : cadre.error?.message}
        extra={<Button onClick={() => nav('/cadres')}>返回名册</Button>}
      />
    );
  }
  const c = cadre.data;
  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        style={{ paddingLeft: 0, marginBottom: 8 }}
        onClick={() => nav('/cadres')}
      >
        干部名册
      </Button>
      <CadreHeader cadre={c} />
      <Tabs
        activeKey={search.get('tab') ?? 'basic'}
        onChange={(tab) => setSearch({ tab }, { replace: true })}
        items={[
          {
            key: 'basic',
            label: '基本信息',
            children: can('cadre.manage') ? <CadreEditForm cadre={c} /> : <CadreView cadre={c} />,
          },
          { key: 'tenures', label: '任职经历', children: <TenuresTab cadreId={c.id} orgId={c.orgId} /> },
          { key: 'concurrent', label: '兼职', children: <ConcurrentPostsTab cadreId={c.id} /> },
          { key: 'family', label: '家庭成员', children: <FamilyTab cadreId={c.id} /> },
        ]}
      />
    </>
  );
}
